package vn.motcua.dossier.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jboss.logging.Logger;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.contracts.common.PostalAddress;
import vn.motcua.contracts.dossier.DossierEvents;
import vn.motcua.contracts.payment.PaymentEvents;
import vn.motcua.dossier.audit.AuditTrail.Change;
import vn.motcua.dossier.catalogue.Procedure;
import vn.motcua.dossier.common.Actor;
import vn.motcua.dossier.common.Clocks;
import vn.motcua.dossier.common.DossierConfig;
import vn.motcua.dossier.common.JsonColumns;
import vn.motcua.dossier.dossier.Dossier;
import vn.motcua.dossier.dossier.DossierLifecycle;
import vn.motcua.dossier.dossier.DossierProblems;
import vn.motcua.dossier.dossier.DossierService;
import vn.motcua.dossier.dossier.DossierStatus;
import vn.motcua.dossier.dossier.DossierViews.DossierView;
import vn.motcua.dossier.dossier.ReturnMethod;
import vn.motcua.dossier.statistics.DailyCounters;
import vn.motcua.dossier.workflow.WorkflowViews.ExtensionRequest;
import vn.motcua.dossier.workflow.WorkflowViews.ReasonRequest;
import vn.motcua.dossier.workflow.WorkflowViews.ReceiveRequest;
import vn.motcua.dossier.workflow.WorkflowViews.ResolveRequest;
import vn.motcua.dossier.workflow.WorkflowViews.ReturnRequest;
import vn.motcua.dossier.workflow.WorkflowViews.StepRequest;
import vn.motcua.dossier.workflow.WorkflowViews.SupplementRequest;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.web.security.Roles;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The agency's side of the lifecycle (receive, supplement, process, resolve, return, refuse, stop, withdrawal
 * decisions, due-date extensions, reopening) and the reactions to other services' events. Each method is one
 * transaction: status, audit entry, statistics counters and outbox event commit together.
 */
@ApplicationScoped
@Transactional
public class WorkflowService {

    private static final Logger LOG = Logger.getLogger(WorkflowService.class);

    @Inject
    EntityManager em;
    @Inject
    DossierLifecycle lifecycle;
    @Inject
    DossierService dossiers;
    @Inject
    DailyCounters counters;
    @Inject
    DossierConfig config;
    @Inject
    WorkingCalendar calendar;

    DueDates dueDates() {
        return new DueDates(calendar, config.dueDates().endOfDay());
    }

    // ---------------------------------------------------------------- officer actions

    /** Tiếp nhận: the receipt with the due date in working days from today. */
    public DossierView receive(@NotNull UUID id, @NotNull Actor actor, @Valid ReceiveRequest request) {
        Dossier dossier = agencyDossier(id, actor, request == null ? null : request.version());
        OffsetDateTime now = lifecycle.now();
        Procedure procedure = em.find(Procedure.class, dossier.procedureCode);
        if (dossier.status == DossierStatus.SUBMITTED && dossier.feeTotal > 0 && dossier.paidAt == null) {
            throw new DossierProblems.IllegalTransition(dossier, "receive", "needs the fee paid first");
        }
        dossier.receivedAt = now;
        dossier.receivedBy = actor.id();
        dossier.receiptNumber = "PH-" + dossier.code;
        dossier.dueAt = dueDates().dueAt(now, procedure.processingDays);
        lifecycle.move(dossier, DossierStatus.RECEIVED, "receive", actor,
                Map.of("dueAt", new Change(null, Clocks.local(dossier.dueAt))), request == null ? null : request.note());
        counters.increment(dossier, now, "received");
        long documents = em.createQuery("select count(d) from DossierDocument d where d.dossierId = :id", Long.class)
                .setParameter("id", dossier.id).getSingleResult();
        if (documents > 0) {
            counters.increment(dossier, now, "digitized");
        }
        lifecycle.publish(dossier, DossierEvents.RECEIVED, new DossierEvents.Received(DossierLifecycle.ref(dossier),
                dossier.receiptNumber, Clocks.local(now), Clocks.local(dossier.dueAt), actor.id()));
        return done(dossier, actor);
    }

    public DossierView requestSupplement(@NotNull UUID id, @NotNull Actor actor, @NotNull @Valid SupplementRequest request) {
        Dossier dossier = agencyDossier(id, actor, request.version());
        OffsetDateTime now = lifecycle.now();
        dossier.supplementReason = request.reason();
        dossier.supplementItems = JsonColumns.write(request.missingItems());
        dossier.supplementRequestedAt = now;
        lifecycle.move(dossier, DossierStatus.SUPPLEMENT_REQUESTED, "request-supplement", actor,
                Map.of("missingItems", new Change(null, request.missingItems())), request.reason());
        lifecycle.publish(dossier, DossierEvents.SUPPLEMENT_REQUESTED, new DossierEvents.SupplementRequested(
                DossierLifecycle.ref(dossier), request.reason(), request.missingItems(), Clocks.local(now), actor.id()));
        return done(dossier, actor);
    }

    public DossierView refuse(@NotNull UUID id, @NotNull Actor actor, @NotNull @Valid ReasonRequest request) {
        Dossier dossier = agencyDossier(id, actor, request.version());
        OffsetDateTime now = lifecycle.now();
        dossier.outcomeReason = request.reason();
        lifecycle.move(dossier, DossierStatus.REFUSED, "refuse", actor, Map.of(), request.reason());
        counters.increment(dossier, now, "refused");
        lifecycle.publish(dossier, DossierEvents.REFUSED, new DossierEvents.Refused(DossierLifecycle.ref(dossier),
                request.reason(), Clocks.local(now), actor.id()));
        return done(dossier, actor);
    }

    /** Starts the first step (RECEIVED → PROCESSING) or hands the work to another step or officer. */
    public DossierView changeStep(@NotNull UUID id, @NotNull Actor actor, @NotNull @Valid StepRequest request) {
        Dossier dossier = agencyDossier(id, actor, request.version());
        OffsetDateTime now = lifecycle.now();
        OffsetDateTime stepDue = request.stepDueAt() != null ? request.stepDueAt()
                : request.stepWorkingDays() != null ? dueDates().stepDue(now, request.stepWorkingDays()) : null;
        if (stepDue != null && stepDue.isBefore(now)) {
            throw new CommonProblems.InvalidInput("stepDueAt", "must be in the future");
        }
        Map<String, Change> changes = Map.of("step", new Change(dossier.stepName, request.stepName()),
                "assignee", new Change(dossier.stepAssigneeId, request.assigneeId()));
        if (dossier.status == DossierStatus.PROCESSING) {
            lifecycle.record(dossier, "change-step", actor, changes, null);
        } else {
            lifecycle.move(dossier, DossierStatus.PROCESSING, "start-step", actor, changes, null);
        }
        em.createNativeQuery("update processing_step set finished_at = ?1 where dossier_id = ?2 and finished_at is null")
                .setParameter(1, now).setParameter(2, dossier.id).executeUpdate();
        em.createNativeQuery("""
                        insert into processing_step (id, dossier_id, name, assignee_id, due_at, started_at, started_by)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, dossier.id).setParameter(3, request.stepName())
                .setParameter(4, request.assigneeId()).setParameter(5, stepDue).setParameter(6, now)
                .setParameter(7, actor.id()).executeUpdate();
        dossier.stepName = request.stepName();
        dossier.stepAssigneeId = request.assigneeId();
        dossier.stepDueAt = stepDue;
        lifecycle.publish(dossier, DossierEvents.STEP_CHANGED, new DossierEvents.StepChanged(DossierLifecycle.ref(dossier),
                request.stepName(), request.assigneeId(), Clocks.local(stepDue), Clocks.local(now)));
        return done(dossier, actor);
    }

    /** The result is ready; with return by post the event carries the address postal-delivery needs. */
    public DossierView resolve(@NotNull UUID id, @NotNull Actor actor, @NotNull @Valid ResolveRequest request) {
        Dossier dossier = agencyDossier(id, actor, request.version());
        OffsetDateTime now = lifecycle.now();
        dossier.resultSummary = request.resultSummary();
        dossier.resolvedAt = now;
        lifecycle.move(dossier, DossierStatus.RESOLVED, "resolve", actor,
                Map.of("resultSummary", new Change(null, request.resultSummary())), null);
        closeSteps(dossier, now);
        DueDates.Timeliness timeliness = dueDates().timeliness(dossier.dueAt, now);
        counters.increment(dossier, now, "resolved", switch (timeliness) {
            case EARLY -> "resolved_early";
            case ON_TIME -> "resolved_on_time";
            case LATE -> "resolved_late";
        });
        PostalAddress address = dossier.returnMethod == ReturnMethod.POST ? JsonColumns.address(dossier.deliveryAddress) : null;
        lifecycle.publish(dossier, DossierEvents.RESOLVED, new DossierEvents.Resolved(DossierLifecycle.ref(dossier),
                request.resultSummary(), dossier.returnMethod.name(), address, Clocks.local(now), actor.id()));
        return done(dossier, actor);
    }

    /**
     * Handed over at the counter or sent electronically. A result going by post is returned when the post confirms
     * delivery; the officer may hand it over at the counter only after the post gave up (returned to sender).
     */
    public DossierView returnResult(@NotNull UUID id, @NotNull Actor actor, @Valid ReturnRequest request) {
        Dossier dossier = agencyDossier(id, actor, request == null ? null : request.version());
        if (dossier.status == DossierStatus.RESOLVED && dossier.returnMethod == ReturnMethod.POST && !dossier.postalReturnFailed) {
            throw new DossierProblems.IllegalTransition(dossier, "return",
                    "goes by post: it is returned when the postal operator confirms delivery");
        }
        String method = dossier.returnMethod == ReturnMethod.POST ? ReturnMethod.COUNTER.name() : dossier.returnMethod.name();
        markReturned(dossier, actor, method, request == null ? null : request.note());
        return done(dossier, actor);
    }

    public DossierView stop(@NotNull UUID id, @NotNull Actor actor, @NotNull @Valid ReasonRequest request) {
        Dossier dossier = agencyDossier(id, actor, request.version());
        OffsetDateTime now = lifecycle.now();
        dossier.outcomeReason = request.reason();
        lifecycle.move(dossier, DossierStatus.STOPPED, "stop", actor, Map.of(), request.reason());
        closeSteps(dossier, now);
        counters.increment(dossier, now, "stopped");
        lifecycle.publish(dossier, DossierEvents.STOPPED, new DossierEvents.Stopped(DossierLifecycle.ref(dossier),
                request.reason(), Clocks.local(now), actor.id()));
        return done(dossier, actor);
    }

    public DossierView approveWithdrawal(@NotNull UUID id, @NotNull Actor actor, @NotNull @Valid ReasonRequest request) {
        Dossier dossier = agencyDossier(id, actor, request.version());
        if (dossier.status != DossierStatus.WITHDRAWAL_REQUESTED) {
            throw new DossierProblems.IllegalTransition(dossier, "approve withdrawal", "has no pending withdrawal request");
        }
        OffsetDateTime now = lifecycle.now();
        lifecycle.move(dossier, DossierStatus.WITHDRAWN, "approve-withdrawal", actor, Map.of(), request.reason());
        closeSteps(dossier, now);
        counters.increment(dossier, now, "withdrawn");
        lifecycle.publish(dossier, DossierEvents.WITHDRAWN, new DossierEvents.Withdrawn(DossierLifecycle.ref(dossier),
                dossier.outcomeReason, Clocks.local(now)));
        return done(dossier, actor);
    }

    public DossierView rejectWithdrawal(@NotNull UUID id, @NotNull Actor actor, @NotNull @Valid ReasonRequest request) {
        Dossier dossier = agencyDossier(id, actor, request.version());
        if (dossier.status != DossierStatus.WITHDRAWAL_REQUESTED) {
            throw new DossierProblems.IllegalTransition(dossier, "reject withdrawal", "has no pending withdrawal request");
        }
        DossierStatus back = Optional.ofNullable(dossier.statusBeforeWithdrawal).orElse(DossierStatus.PROCESSING);
        lifecycle.move(dossier, back, "reject-withdrawal", actor, Map.of(), request.reason());
        dossier.statusBeforeWithdrawal = null;
        dossier.outcomeReason = null;
        OffsetDateTime now = lifecycle.now();
        if (back == DossierStatus.PROCESSING) {
            lifecycle.publish(dossier, DossierEvents.STEP_CHANGED, new DossierEvents.StepChanged(DossierLifecycle.ref(dossier),
                    dossier.stepName, dossier.stepAssigneeId, Clocks.local(dossier.stepDueAt), Clocks.local(now)));
        } else {
            lifecycle.publish(dossier, DossierEvents.RECEIVED, new DossierEvents.Received(DossierLifecycle.ref(dossier),
                    dossier.receiptNumber, Clocks.local(dossier.receivedAt), Clocks.local(dossier.dueAt), actor.id()));
        }
        return done(dossier, actor);
    }

    /** Phiếu xin lỗi và hẹn lại: a later due date with the reason, recorded and announced. */
    public DossierView extendDueDate(@NotNull UUID id, @NotNull Actor actor, @NotNull @Valid ExtensionRequest request) {
        Dossier dossier = agencyDossier(id, actor, request.version());
        if (!dossier.status.isClockRunning() && dossier.status != DossierStatus.SUPPLEMENT_REQUESTED) {
            throw new DossierProblems.IllegalTransition(dossier, "extend due date", "has no running due date");
        }
        if (dossier.dueAt != null && !request.newDueAt().isAfter(dossier.dueAt)) {
            throw new CommonProblems.RuleViolated("DUE_DATE_NOT_LATER",
                    "The new due date must be after the current one (" + Clocks.local(dossier.dueAt) + ")");
        }
        OffsetDateTime now = lifecycle.now();
        OffsetDateTime previous = dossier.dueAt;
        dossier.dueAt = request.newDueAt();
        if (dossier.overdue && request.newDueAt().isAfter(now)) {
            dossier.overdue = false; // the overdue event stays on record; the dossier may become overdue again
        }
        em.createNativeQuery("""
                        insert into due_date_extension (id, dossier_id, previous_due_at, new_due_at, reason, officer_id, created_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, dossier.id).setParameter(3, previous)
                .setParameter(4, request.newDueAt()).setParameter(5, request.reason()).setParameter(6, actor.id())
                .setParameter(7, now).executeUpdate();
        lifecycle.record(dossier, "extend-due-date", actor,
                Map.of("dueAt", new Change(Clocks.local(previous), Clocks.local(request.newDueAt()))), request.reason());
        lifecycle.publish(dossier, DossierEvents.DUE_DATE_EXTENDED, new DossierEvents.DueDateExtended(
                DossierLifecycle.ref(dossier), Clocks.local(previous), Clocks.local(request.newDueAt()), request.reason(),
                actor.id(), Clocks.local(now)));
        return done(dossier, actor);
    }

    /** Leaders and administrators only: a returned dossier back to processing, a refused one back to reception. */
    public DossierView reopen(@NotNull UUID id, @NotNull Actor actor, @NotNull @Valid ReasonRequest request) {
        Dossier dossier = lockedVisible(id, actor, request.version());
        if (!actor.is(Roles.LEADER) && !actor.is(Roles.ADMIN)) {
            throw new CommonProblems.Forbidden("Only a leader or an administrator may reopen a closed dossier");
        }
        DossierStatus previous = dossier.status;
        DossierStatus target = previous == DossierStatus.REFUSED ? DossierStatus.SUBMITTED : DossierStatus.PROCESSING;
        lifecycle.reopen(dossier, target, actor, request.reason());
        dossier.closedAt = null;
        lifecycle.publish(dossier, DossierEvents.REOPENED, new DossierEvents.Reopened(DossierLifecycle.ref(dossier),
                previous.name(), request.reason(), actor.id(), Clocks.local(lifecycle.now())));
        return done(dossier, actor);
    }

    // ---------------------------------------------------------------- reactions to other services

    /** payment.events SUCCEEDED: the fee is paid, the dossier goes to the agency's reception queue. */
    public void paymentSucceeded(UUID dossierId, PaymentEvents.PaymentRef payment, String receiptNumber,
                                 OffsetDateTime paidAt, Actor actor) {
        String paymentId = payment.paymentId();
        Dossier dossier = em.find(Dossier.class, dossierId, LockModeType.PESSIMISTIC_WRITE);
        if (dossier == null) {
            LOG.warnf("payment %s succeeded for unknown dossier %s; ignored", paymentId, dossierId);
            return;
        }
        String refused = whyNotTheFee(dossier, payment);
        if (refused != null) {
            // not this dossier's fee (an officer's extra fee, a short amount, another agency's bill): recorded, no effect
            lifecycle.record(dossier, "payment-succeeded-ignored", actor,
                    Map.of("payment", new Change(null, paymentId)), refused);
            LOG.warnf("payment %s for dossier %s does not settle it: %s", paymentId, dossierId, refused);
            return;
        }
        if (dossier.paidAt != null || dossier.status != DossierStatus.AWAITING_PAYMENT) {
            // a duplicate under another event id, or a payment for a dossier withdrawn meanwhile: record it only
            lifecycle.record(dossier, "payment-succeeded-ignored", actor,
                    Map.of("payment", new Change(null, paymentId)), "dossier is " + dossier.status);
            return;
        }
        long amount = payment.amountVnd();
        dossier.paidAt = paidAt == null ? lifecycle.now() : paidAt;
        dossier.paymentReceipt = receiptNumber;
        lifecycle.move(dossier, DossierStatus.SUBMITTED, "payment-succeeded", actor,
                Map.of("paidAt", new Change(null, Clocks.local(dossier.paidAt))), null);
        counters.increment(dossier, lifecycle.now(), "paid_online");
        lifecycle.publish(dossier, DossierEvents.PAYMENT_CONFIRMED, new DossierEvents.PaymentConfirmed(
                DossierLifecycle.ref(dossier), paymentId, receiptNumber, amount, Clocks.local(dossier.paidAt)));
    }

    /**
     * Why a successful payment does not settle the dossier's fee, or null when it does: it must be a payment of the
     * fee obligation payment-service raised from this dossier's own payment-required event ({@code DOSSIER_FEE}), of
     * the dossier's agency, and cover the fee the dossier was submitted with. Anything else (an extra fee an officer
     * raised, an event of an older producer that does not say what was paid) is not the dossier fee.
     */
    static String whyNotTheFee(Dossier dossier, PaymentEvents.PaymentRef payment) {
        if (!payment.forDossierFee()) {
            return "payment is for a " + payment.obligationKind() + " obligation, not the dossier fee";
        }
        if (payment.agencyCode() == null || !payment.agencyCode().equals(dossier.agencyCode)) {
            return "payment is billed by agency " + payment.agencyCode() + ", the dossier belongs to " + dossier.agencyCode;
        }
        if (payment.amountVnd() < dossier.feeTotal || payment.obligationAmountVnd() < dossier.feeTotal) {
            return "payment of " + payment.amountVnd() + " VND does not cover the fee of " + dossier.feeTotal + " VND";
        }
        return null;
    }

    /** payment.events FAILED / EXPIRED: the dossier keeps waiting; the applicant can pay again. Recorded only. */
    public void paymentNotCompleted(UUID dossierId, String paymentId, String what, Actor actor) {
        Dossier dossier = em.find(Dossier.class, dossierId);
        if (dossier != null) {
            lifecycle.record(dossier, "payment-" + what, actor, Map.of("payment", new Change(null, paymentId)), null);
        }
    }

    /** delivery.events DELIVERED for a result: the post confirmed delivery, the dossier is RETURNED. */
    public void resultDelivered(UUID dossierId, String orderId, OffsetDateTime deliveredAt, Actor actor) {
        Dossier dossier = em.find(Dossier.class, dossierId, LockModeType.PESSIMISTIC_WRITE);
        if (dossier == null) {
            LOG.warnf("delivery %s for unknown dossier %s; ignored", orderId, dossierId);
            return;
        }
        if (dossier.status != DossierStatus.RESOLVED) {
            lifecycle.record(dossier, "delivery-confirmed-ignored", actor, Map.of("order", new Change(null, orderId)),
                    "dossier is " + dossier.status);
            return;
        }
        markReturned(dossier, actor.withReason("delivered by post, order " + orderId), ReturnMethod.POST.name(), null);
    }

    /** delivery.events RETURNED (to sender): the result is back at the agency; the counter may hand it over. */
    public void resultReturnedToSender(UUID dossierId, String orderId, String reason, Actor actor) {
        Dossier dossier = em.find(Dossier.class, dossierId, LockModeType.PESSIMISTIC_WRITE);
        if (dossier == null) {
            return;
        }
        dossier.postalReturnFailed = true;
        lifecycle.record(dossier, "delivery-returned-to-sender", actor,
                Map.of("postalReturnFailed", new Change(false, true)), reason);
    }

    /** appointment.events BOOKING_CHECKED_IN: the applicant came for the in-person step. */
    public void checkedIn(UUID dossierId, String bookingId, String queueNumber, OffsetDateTime at, Actor actor) {
        Dossier dossier = em.find(Dossier.class, dossierId, LockModeType.PESSIMISTIC_WRITE);
        if (dossier == null) {
            LOG.warnf("check-in of booking %s for unknown dossier %s; ignored", bookingId, dossierId);
            return;
        }
        dossier.checkedInAt = at;
        dossier.queueNumber = queueNumber;
        lifecycle.record(dossier, "checked-in", actor, Map.of("queueNumber", new Change(null, queueNumber),
                "booking", new Change(null, bookingId)), null);
    }

    // ---------------------------------------------------------------- overdue

    /**
     * Marks open dossiers whose due time passed, a batch at a time; {@code skip locked} lets several instances run
     * the job without marking one dossier twice.
     *
     * @return how many were marked
     */
    public int markOverdue(int batch) {
        OffsetDateTime now = lifecycle.now();
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                        select id from dossier where status in ('RECEIVED', 'PROCESSING') and not overdue and due_at < ?1
                        order by due_at limit ?2 for update skip locked""", UUID.class)
                .setParameter(1, now).setParameter(2, batch).getResultList();
        Actor system = Actor.system("overdue-job");
        for (UUID id : ids) {
            Dossier dossier = em.find(Dossier.class, id);
            dossier.overdue = true;
            dossier.overdueAt = now;
            lifecycle.record(dossier, "overdue", system, Map.of("overdue", new Change(false, true)), null);
            counters.increment(dossier, now, "overdue_marked");
            lifecycle.publish(dossier, DossierEvents.OVERDUE, new DossierEvents.Overdue(DossierLifecycle.ref(dossier),
                    Clocks.local(dossier.dueAt), Clocks.local(now)));
        }
        return ids.size();
    }

    // ---------------------------------------------------------------- helpers

    private void markReturned(Dossier dossier, Actor actor, String method, String note) {
        OffsetDateTime now = lifecycle.now();
        dossier.returnedAt = now;
        lifecycle.move(dossier, DossierStatus.RETURNED, "return", actor, Map.of("returnedBy", new Change(null, method)), note);
        counters.increment(dossier, now, "returned");
        lifecycle.publish(dossier, DossierEvents.RETURNED, new DossierEvents.Returned(DossierLifecycle.ref(dossier),
                method, Clocks.local(now)));
    }

    private void closeSteps(Dossier dossier, OffsetDateTime now) {
        em.createNativeQuery("update processing_step set finished_at = ?1 where dossier_id = ?2 and finished_at is null")
                .setParameter(1, now).setParameter(2, dossier.id).executeUpdate();
    }

    /** An officer's or leader's action on a dossier of their own agency; others get 404. Locked for update. */
    private Dossier agencyDossier(UUID id, Actor actor, Long version) {
        if (actor.agencyCode() == null) {
            throw new CommonProblems.Forbidden("Your token carries no agency; ask the administrator");
        }
        Dossier dossier = em.find(Dossier.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (dossier == null || !dossier.agencyCode.equals(actor.agencyCode()) || dossier.status == DossierStatus.DRAFT
                && !actor.is(Roles.ADMIN)) {
            throw new DossierProblems.DossierNotFound(id.toString());
        }
        DossierLifecycle.expectVersion(dossier, version);
        return dossier;
    }

    private Dossier lockedVisible(UUID id, Actor actor, Long version) {
        Dossier dossier = em.find(Dossier.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (dossier == null || !DossierService.maySee(dossier, actor)) {
            throw new DossierProblems.DossierNotFound(id.toString());
        }
        DossierLifecycle.expectVersion(dossier, version);
        return dossier;
    }

    private DossierView done(Dossier dossier, Actor actor) {
        em.flush();
        return dossiers.view(dossier, actor);
    }
}
