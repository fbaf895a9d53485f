package vn.motcua.notification.portal;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.notification.message.Times;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.web.request.Page;
import vn.motcua.web.request.PageRequest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Officers' view of the portal sync: per dossier state and log, the failed ones, and re-sync. */
@ApplicationScoped
@Transactional
public class PortalSyncService {

    @Inject
    EntityManager entityManager;

    public record LogEntry(int revision, String operation, Integer httpStatus, String errorCode, String message,
                           OffsetDateTime attemptedAt) {
    }

    /**
     * @param agency the officer's agency, or empty for an admin (all agencies); another agency's dossier is "not found"
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PortalSync get(String dossierId, Optional<String> agency) {
        PortalSync sync = PortalSync.findById(dossierId);
        if (sync == null || agency.isPresent() && !agency.get().equals(sync.agencyCode)) {
            throw new CommonProblems.NotFound("Portal sync of dossier", dossierId);
        }
        return sync;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PortalSync> list(Optional<String> agency, Optional<PortalSync.State> state, PageRequest page) {
        StringBuilder query = new StringBuilder("1 = 1");
        io.quarkus.panache.common.Parameters params = new io.quarkus.panache.common.Parameters();
        agency.ifPresent(a -> { query.append(" and agencyCode = :agency"); params.and("agency", a); });
        state.ifPresent(s -> { query.append(" and state = :state"); params.and("state", s.name()); });
        var q = PortalSync.<PortalSync>find(query.toString(), Sort.descending("updatedAt").and("dossierId"), params);
        return new Page<>(q.page(io.quarkus.panache.common.Page.of(page.page(), page.size())).list(), page.page(),
                page.size(), q.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<LogEntry> log(String dossierId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select revision, operation, http_status, error_code, message, attempted_at from portal_sync_log
                        where dossier_id = ?1 order by id desc limit 100""")
                .setParameter(1, dossierId).getResultList();
        return rows.stream().map(r -> new LogEntry(((Number) r[0]).intValue(), (String) r[1],
                r[2] == null ? null : ((Number) r[2]).intValue(), (String) r[3], (String) r[4], Times.local(toTime(r[5])))).toList();
    }

    /**
     * Pushes the dossier's revisions the portal has not accepted, now, with fresh attempts; when it has accepted them
     * all, the latest one again (the portal may have lost it).
     */
    public PortalSync resync(String dossierId, Optional<String> agency) {
        PortalSync sync = get(dossierId, agency);
        if (PortalSync.State.SENDING.name().equals(sync.state)) {
            throw new CommonProblems.WrongState("PORTAL_SYNC_IN_FLIGHT", "Dossier " + dossierId + " is being pushed right now");
        }
        OffsetDateTime now = OffsetDateTime.now(CloudEventCodec.ZONE);
        sync.state = PortalSync.State.PENDING.name();
        sync.attempts = 0;
        sync.pushedRevision = Math.min(sync.pushedRevision, sync.revision - 1);
        sync.nextAttemptAt = now;
        sync.updatedAt = now;
        return sync;
    }

    private static OffsetDateTime toTime(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return null;
    }
}
