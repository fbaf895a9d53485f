package vn.motcua.dossier.dossier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.motcua.contracts.common.Applicant;
import vn.motcua.contracts.dossier.DossierEvents.DossierRef;
import vn.motcua.contracts.events.Topics;
import vn.motcua.dossier.audit.AuditTrail;
import vn.motcua.dossier.audit.AuditTrail.Change;
import vn.motcua.dossier.common.Actor;
import vn.motcua.dossier.common.Clocks;
import vn.motcua.messaging.outbox.Outbox;
import vn.motcua.web.problem.CommonProblems;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one way a dossier changes status: checks the move against {@link DossierStatus}, records it in the audit
 * trail and writes the event to the outbox, all in the caller's transaction.
 */
@ApplicationScoped
public class DossierLifecycle {

    @Inject
    Outbox outbox;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void move(Dossier dossier, DossierStatus target, String action, Actor actor, Map<String, Change> changes,
                     String reason) {
        if (!dossier.status.canMoveTo(target)) {
            throw new DossierProblems.IllegalTransition(dossier, action, target);
        }
        apply(dossier, target, action, actor, changes, reason);
    }

    /** Reopening a closed dossier: a separate, privileged set of moves. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reopen(Dossier dossier, DossierStatus target, Actor actor, String reason) {
        if (!dossier.status.canReopenTo(target)) {
            throw new DossierProblems.IllegalTransition(dossier, "reopen", target);
        }
        apply(dossier, target, "reopen", actor, Map.of(), reason);
    }

    /** An action that changes no status (a step change, a due-date extension, a recorded check-in). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Dossier dossier, String action, Actor actor, Map<String, Change> changes, String reason) {
        dossier.updatedAt = now();
        audit.record(dossier.id, action, actor, dossier.status, dossier.status, changes, reason);
    }

    /** The creation of a dossier, audited without touching the new row (so it is inserted once, at version 0). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordCreation(Dossier dossier, Actor actor, String reason) {
        audit.record(dossier.id, "create", actor, null, dossier.status, Map.of("status", new Change(null, dossier.status)), reason);
    }

    private void apply(Dossier dossier, DossierStatus target, String action, Actor actor, Map<String, Change> changes,
                       String reason) {
        DossierStatus previous = dossier.status;
        dossier.status = target;
        dossier.updatedAt = now();
        if (target.isClosed()) {
            dossier.closedAt = dossier.updatedAt;
        }
        Map<String, Change> all = new LinkedHashMap<>(changes == null ? Map.of() : changes);
        all.putIfAbsent("status", new Change(previous, target));
        audit.record(dossier.id, action, actor, previous, target, all, reason);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Dossier dossier, String type, Object payload) {
        outbox.publish(Topics.DOSSIER, dossier.id.toString(), type, payload);
    }

    /** Optimistic concurrency on top of JPA's: a client that says which version it read gets a 409 when stale. */
    public static void expectVersion(Dossier dossier, Long version) {
        if (version != null && version != dossier.version) {
            throw new CommonProblems.VersionConflict("Dossier " + dossier.id, version, dossier.version);
        }
    }

    public static DossierRef ref(Dossier d) {
        return new DossierRef(d.id.toString(), d.code, d.procedureCode, d.procedureName, d.agencyCode, d.agencyName,
                applicant(d), d.channel.name(), d.returnMethod.name(), d.status.name(), d.status.portalStatus(),
                Clocks.local(d.dueAt), d.portalDossierCode);
    }

    public static Applicant applicant(Dossier d) {
        return new Applicant(d.applicantId, d.applicantName, d.applicantEmail, d.applicantPhone, "vi");
    }
}
