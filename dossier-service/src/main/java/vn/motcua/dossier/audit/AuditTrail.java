package vn.motcua.dossier.audit;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.motcua.dossier.common.Actor;
import vn.motcua.dossier.common.Clocks;
import vn.motcua.dossier.common.JsonColumns;
import vn.motcua.dossier.dossier.DossierStatus;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The append-only history of every action on a dossier, written in the transaction of the action (the table's
 * trigger refuses updates and deletes).
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /** One changed value. */
    public record Change(Object old, Object now) {
    }

    @Schema(name = "AuditEntry")
    @RegisterForReflection
    public record AuditEntryView(long id, String action, String actorId, String actorRole, String onBehalfOf,
                                 String client, String requestId, OffsetDateTime occurredAt, String oldStatus,
                                 String newStatus, String changes, String reason) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID dossierId, String action, Actor actor, DossierStatus oldStatus, DossierStatus newStatus,
                       Map<String, Change> changes, String reason) {
        String why = reason != null ? reason : actor.reason();
        em.createNativeQuery("""
                        insert into audit_entry (dossier_id, action, actor_id, actor_role, on_behalf_of, client, request_id,
                                                 occurred_at, old_status, new_status, changes, reason)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)""")
                .setParameter(1, dossierId).setParameter(2, action).setParameter(3, actor.id())
                .setParameter(4, actor.role()).setParameter(5, actor.onBehalfOf()).setParameter(6, actor.client())
                .setParameter(7, actor.requestId()).setParameter(8, OffsetDateTime.now(clock))
                .setParameter(9, oldStatus == null ? null : oldStatus.name())
                .setParameter(10, newStatus == null ? null : newStatus.name())
                .setParameter(11, changes == null || changes.isEmpty() ? null : JsonColumns.write(changes))
                .setParameter(12, why == null ? null : why.length() > 2000 ? why.substring(0, 2000) : why)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntryView> of(UUID dossierId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, action, actor_id, actor_role, on_behalf_of, client, request_id, occurred_at,
                               old_status, new_status, changes, reason
                        from audit_entry where dossier_id = ?1 order by id limit 1000""")
                .setParameter(1, dossierId).getResultList();
        return rows.stream().map(r -> new AuditEntryView(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], time(r[7]), (String) r[8], (String) r[9],
                (String) r[10], (String) r[11])).toList();
    }

    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime t) {
            return Clocks.local(t);
        }
        if (value instanceof java.time.Instant i) {
            return Clocks.local(i.atOffset(ZoneOffset.UTC));
        }
        if (value instanceof Timestamp t) {
            return Clocks.local(t.toInstant().atOffset(ZoneOffset.UTC));
        }
        return null;
    }
}
