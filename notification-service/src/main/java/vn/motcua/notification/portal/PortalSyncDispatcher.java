package vn.motcua.notification.portal;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.notification.config.NotificationConfig;
import vn.motcua.notification.message.Backoff;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Pushes pending dossier states to the portal: create while the portal does not have the dossier, update once it
 * has; "already exists" on create switches to update and "not found" on update switches to create. Failures are
 * retried with exponential backoff; after the last attempt the dossier is FAILED until an officer re-syncs it.
 */
@ApplicationScoped
public class PortalSyncDispatcher {

    private static final Logger LOG = Logger.getLogger(PortalSyncDispatcher.class);

    @Inject
    EntityManager entityManager;
    @Inject
    NationalPortal portal;
    @Inject
    NotificationConfig config;

    @Scheduled(every = "${motcua.notification.dispatch-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatchDue() {
        if (!config.portal().enabled()) {
            return;
        }
        List<String> claimed = QuarkusTransaction.requiringNew().call(this::claim);
        claimed.forEach(this::push);
    }

    @SuppressWarnings("unchecked")
    List<String> claim() {
        OffsetDateTime now = OffsetDateTime.now(CloudEventCodec.ZONE);
        List<String> ids = entityManager.createNativeQuery("""
                        select dossier_id from portal_sync where state in ('PENDING', 'SENDING') and next_attempt_at <= ?1
                        order by next_attempt_at limit 20 for update skip locked""", String.class)
                .setParameter(1, now).getResultList();
        if (!ids.isEmpty()) {
            entityManager.createNativeQuery("""
                            update portal_sync set state = 'SENDING', attempts = attempts + 1, next_attempt_at = :lease,
                                updated_at = :now where dossier_id in (:ids)""")
                    .setParameter("lease", now.plus(config.retry().sendingLease())).setParameter("now", now)
                    .setParameter("ids", ids).executeUpdate();
        }
        return ids;
    }

    void push(String dossierId) {
        PortalSync sync = QuarkusTransaction.requiringNew().call(() -> PortalSync.<PortalSync>findById(dossierId));
        if (sync == null) {
            return;
        }
        boolean update = sync.knownToPortal;
        NationalPortal.Answer answer = call(sync, update);
        if (answer.outcome() == NationalPortal.Outcome.ALREADY_EXISTS && !update) {
            answer = call(sync, true);
        } else if (answer.outcome() == NationalPortal.Outcome.NOT_FOUND && update) {
            answer = call(sync, false);
        }
        NationalPortal.Answer result = answer;
        QuarkusTransaction.requiringNew().run(() -> record(sync, result));
    }

    private NationalPortal.Answer call(PortalSync sync, boolean update) {
        NationalPortal.Answer answer = update ? portal.update(sync.dossierCode, sync.document) : portal.create(sync.document);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into portal_sync_log (dossier_id, revision, operation, http_status, error_code, message)
                        values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, sync.dossierId).setParameter(2, sync.revision).setParameter(3, update ? "UPDATE" : "CREATE")
                .setParameter(4, answer.httpStatus()).setParameter(5, answer.errorCode())
                .setParameter(6, answer.message() == null ? null : answer.message().substring(0, Math.min(1000, answer.message().length())))
                .executeUpdate());
        return answer;
    }

    void record(PortalSync pushed, NationalPortal.Answer answer) {
        OffsetDateTime now = OffsetDateTime.now(CloudEventCodec.ZONE);
        if (answer.outcome() == NationalPortal.Outcome.OK) {
            // a newer revision arrived while we pushed: it is due at once
            entityManager.createNativeQuery("""
                            update portal_sync set known_to_portal = true, last_error_code = null, last_error = null,
                                synced_at = ?2, updated_at = ?2,
                                state = case when revision = ?3 then 'SYNCED' else 'PENDING' end,
                                attempts = case when revision = ?3 then attempts else 0 end,
                                next_attempt_at = case when revision = ?3 then null else cast(?2 as timestamptz) end
                            where dossier_id = ?1 and state = 'SENDING'""")
                    .setParameter(1, pushed.dossierId).setParameter(2, now).setParameter(3, pushed.revision).executeUpdate();
            return;
        }
        PortalSync sync = PortalSync.findById(pushed.dossierId);
        if (sync == null || !PortalSync.State.SENDING.name().equals(sync.state)) {
            return;
        }
        if (answer.outcome() == NationalPortal.Outcome.ALREADY_EXISTS) {
            sync.knownToPortal = true;
        }
        sync.lastErrorCode = answer.errorCode();
        sync.lastError = answer.message();
        sync.updatedAt = now;
        Optional<OffsetDateTime> next = new Backoff(config.portal().initialBackoff(), config.portal().maxBackoff(),
                config.portal().maxAttempts()).nextAttempt(sync.attempts, now);
        if (next.isPresent()) {
            sync.state = PortalSync.State.PENDING.name();
            sync.nextAttemptAt = next.get();
        } else {
            sync.state = PortalSync.State.FAILED.name();
            sync.nextAttemptAt = null;
            LOG.warnf("portal sync of dossier %s (%s) failed after %d attempts: %s %s", sync.dossierId, sync.dossierCode,
                    sync.attempts, answer.errorCode(), answer.message());
        }
    }
}
