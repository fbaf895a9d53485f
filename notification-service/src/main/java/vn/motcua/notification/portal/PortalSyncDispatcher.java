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
import vn.motcua.notification.message.LeasedBatch;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Pushes each dossier's revisions to the portal one by one, oldest first, so the portal sees every status the
 * dossier went through: create while the portal does not have the dossier, update once it has; "already exists" on
 * create switches to update and "not found" on update switches to create. A revision is only followed by the next
 * once the portal accepted it. Failures are retried with exponential backoff; after the last attempt the dossier is
 * FAILED until an officer re-syncs it (or its next event arrives).
 */
@ApplicationScoped
public class PortalSyncDispatcher {

    private static final Logger LOG = Logger.getLogger(PortalSyncDispatcher.class);
    /** Revisions pushed per claim before the dossier goes back in the queue, so one long backlog does not starve others. */
    static final int REVISIONS_PER_CLAIM = 50;

    @Inject
    EntityManager entityManager;
    @Inject
    NationalPortal portal;
    @Inject
    NotificationConfig config;
    @Inject
    LeasedBatch batches;

    /** The next revision to push: its number and document, and what the pusher knows of the dossier. */
    record Pending(String dossierId, UUID token, String dossierCode, boolean knownToPortal, int revision, String eventId,
                   String document) {
    }

    @Scheduled(every = "${motcua.notification.dispatch-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatchDue() {
        if (!config.portal().enabled()) {
            return;
        }
        UUID token = UUID.randomUUID();
        List<String> claimed = QuarkusTransaction.requiringNew().call(() -> claim(token));
        // dossiers are pushed side by side (each one's revisions stay in order), the lease renewed meanwhile
        batches.run(claimed, config.webhook().concurrency(), config.retry().sendingLease(), () -> renewLease(token),
                dossierId -> push(dossierId, token));
    }

    private OffsetDateTime leaseFrom(OffsetDateTime now) {
        return now.plus(config.retry().sendingLease());
    }

    void renewLease(UUID token) {
        entityManager.createNativeQuery("""
                        update portal_sync set next_attempt_at = ?2 where claim_token = ?1 and state = 'SENDING'""")
                .setParameter(1, token).setParameter(2, leaseFrom(OffsetDateTime.now(CloudEventCodec.ZONE))).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    List<String> claim(UUID token) {
        OffsetDateTime now = OffsetDateTime.now(CloudEventCodec.ZONE);
        List<String> ids = entityManager.createNativeQuery("""
                        select dossier_id from portal_sync where state in ('PENDING', 'SENDING') and next_attempt_at <= ?1
                        order by next_attempt_at limit 20 for update skip locked""", String.class)
                .setParameter(1, now).getResultList();
        if (!ids.isEmpty()) {
            entityManager.createNativeQuery("""
                            update portal_sync set state = 'SENDING', attempts = attempts + 1, next_attempt_at = :lease,
                                claim_token = :token, updated_at = :now where dossier_id in (:ids)""")
                    .setParameter("token", token).setParameter("lease", leaseFrom(now)).setParameter("now", now)
                    .setParameter("ids", ids).executeUpdate();
        }
        return ids;
    }

    /** Pushes the claimed dossier's revisions in order until none is left, one fails, or the claim's budget is spent. */
    void push(String dossierId, UUID token) {
        for (int pushed = 0; pushed < REVISIONS_PER_CLAIM; pushed++) {
            Optional<Pending> next = QuarkusTransaction.requiringNew().call(() -> next(dossierId, token));
            if (next.isEmpty()) {
                return;
            }
            NationalPortal.Answer answer = send(next.get());
            if (!QuarkusTransaction.requiringNew().call(() -> record(next.get(), answer))) {
                return;
            }
        }
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        update portal_sync set state = 'PENDING', attempts = 0, next_attempt_at = ?2, claim_token = null
                        where dossier_id = ?1 and state = 'SENDING' and claim_token = ?3""")
                .setParameter(1, dossierId).setParameter(2, OffsetDateTime.now(CloudEventCodec.ZONE)).setParameter(3, token)
                .executeUpdate());
    }

    /**
     * The oldest revision the portal has not accepted, while the dossier is still ours to push (SENDING under our
     * claim token; the lease moves forward with it).
     */
    @SuppressWarnings("unchecked")
    Optional<Pending> next(String dossierId, UUID token) {
        int ours = entityManager.createNativeQuery("""
                        update portal_sync set next_attempt_at = ?3 where dossier_id = ?1 and state = 'SENDING' and claim_token = ?2""")
                .setParameter(1, dossierId).setParameter(2, token)
                .setParameter(3, leaseFrom(OffsetDateTime.now(CloudEventCodec.ZONE))).executeUpdate();
        if (ours == 0) {
            return Optional.empty();
        }
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select s.dossier_code, s.known_to_portal, r.revision, r.event_id, r.document
                        from portal_sync s join portal_sync_revision r on r.dossier_id = s.dossier_id and r.revision > s.pushed_revision
                        where s.dossier_id = ?1 order by r.revision limit 1""")
                .setParameter(1, dossierId).getResultList();
        if (rows.isEmpty()) {
            // nothing left (a re-sync of a dossier whose revisions were all accepted re-opens the latest one instead)
            entityManager.createNativeQuery("""
                            update portal_sync set state = 'SYNCED', next_attempt_at = null, claim_token = null
                            where dossier_id = ?1 and state = 'SENDING' and claim_token = ?2 and pushed_revision >= revision""")
                    .setParameter(1, dossierId).setParameter(2, token).executeUpdate();
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        return Optional.of(new Pending(dossierId, token, (String) row[0], (Boolean) row[1], ((Number) row[2]).intValue(),
                (String) row[3], (String) row[4]));
    }

    private NationalPortal.Answer send(Pending pending) {
        boolean update = pending.knownToPortal();
        NationalPortal.Answer answer = call(pending, update);
        if (answer.outcome() == NationalPortal.Outcome.ALREADY_EXISTS && !update) {
            answer = call(pending, true);
        } else if (answer.outcome() == NationalPortal.Outcome.NOT_FOUND && update) {
            answer = call(pending, false);
        }
        return answer;
    }

    private NationalPortal.Answer call(Pending pending, boolean update) {
        NationalPortal.Answer answer = update ? portal.update(pending.dossierCode(), pending.document(), pending.eventId())
                : portal.create(pending.document(), pending.eventId());
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into portal_sync_log (dossier_id, revision, operation, http_status, error_code, message)
                        values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, pending.dossierId()).setParameter(2, pending.revision()).setParameter(3, update ? "UPDATE" : "CREATE")
                .setParameter(4, answer.httpStatus()).setParameter(5, answer.errorCode())
                .setParameter(6, answer.message() == null ? null : answer.message().substring(0, Math.min(1000, answer.message().length())))
                .executeUpdate());
        return answer;
    }

    /**
     * Records the portal's answer to one revision.
     *
     * @return whether to go on with the next revision now (accepted, and newer revisions are waiting)
     */
    boolean record(Pending pushed, NationalPortal.Answer answer) {
        OffsetDateTime now = OffsetDateTime.now(CloudEventCodec.ZONE);
        if (answer.outcome() == NationalPortal.Outcome.OK) {
            // newer revisions waiting: keep the dossier (SENDING, lease renewed) and go on; attempts = 1 stands for
            // the attempt at the next revision that starts now
            int kept = entityManager.createNativeQuery("""
                            update portal_sync set known_to_portal = true, last_error_code = null, last_error = null,
                                pushed_revision = greatest(pushed_revision, ?3), synced_at = ?2, updated_at = ?2,
                                state = case when revision <= ?3 then 'SYNCED' else 'SENDING' end,
                                attempts = case when revision <= ?3 then attempts else 1 end,
                                next_attempt_at = case when revision <= ?3 then null else cast(?4 as timestamptz) end,
                                claim_token = case when revision <= ?3 then null else claim_token end
                            where dossier_id = ?1 and state = 'SENDING' and claim_token = ?5""")
                    .setParameter(1, pushed.dossierId()).setParameter(2, now).setParameter(3, pushed.revision())
                    .setParameter(4, leaseFrom(now)).setParameter(5, pushed.token()).executeUpdate();
            return kept == 1;
        }
        PortalSync sync = PortalSync.findById(pushed.dossierId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (sync == null || !PortalSync.State.SENDING.name().equals(sync.state) || !pushed.token().equals(sync.claimToken)) {
            return false; // re-synced by an officer or claimed by another pusher since
        }
        sync.claimToken = null;
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
            LOG.warnf("portal sync of dossier %s (%s) failed at revision %d after %d attempts: %s %s", sync.dossierId,
                    sync.dossierCode, pushed.revision(), sync.attempts, answer.errorCode(), answer.message());
        }
        return false;
    }
}
