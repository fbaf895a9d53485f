package vn.motcua.payment.refund;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import vn.motcua.payment.config.PaymentConfig;
import vn.motcua.payment.obligation.Obligation;
import vn.motcua.payment.payment.Payment;
import vn.motcua.payment.payment.PaymentEventsPublisher;
import vn.motcua.payment.payment.PaymentService;
import vn.motcua.payment.payment.PaymentStatus;
import vn.motcua.payment.provider.PaymentProvider;
import vn.motcua.payment.provider.ProviderCode;
import vn.motcua.payment.provider.Providers;
import vn.motcua.web.problem.CommonProblems;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Refunds. The payment row is locked while a refund is decided, and the request must state the refundable amount it
 * saw: two officers refunding the same money cannot both succeed (the second gets 412). Refunds above the
 * configured threshold wait for a leader of the same agency, who must not be the requester.
 */
@ApplicationScoped
@Transactional
public class RefundService {

    @Inject
    EntityManager em;
    @Inject
    PaymentConfig config;
    @Inject
    PaymentService payments;
    @Inject
    Providers providers;
    @Inject
    PaymentEventsPublisher events;

    /** The officer or leader acting, with their agency. */
    public record Staff(String subject, String agency, boolean leader) {
    }

    public record RefundCommand(long amountVnd, long expectedRefundableVnd, String reason) {
    }

    private record Locked(Payment payment, Obligation obligation) {
    }

    private Locked lock(String paymentId, Staff staff) {
        Payment payment = Payment.findById(paymentId);
        if (payment == null) {
            throw new CommonProblems.NotFound("payment", paymentId);
        }
        Obligation obligation = em.find(Obligation.class, payment.obligationId, LockModeType.PESSIMISTIC_WRITE);
        if (!obligation.agencyCode.equals(staff.agency())) {
            throw new CommonProblems.NotFound("payment", paymentId);
        }
        em.refresh(payment, LockModeType.PESSIMISTIC_WRITE);
        return new Locked(payment, obligation);
    }

    public RefundView request(String paymentId, Staff staff, RefundCommand command, OffsetDateTime now) {
        Locked l = lock(paymentId, staff);
        Payment payment = l.payment();
        PaymentStatus status = payment.statusValue();
        if (status == PaymentStatus.REFUND_REQUESTED) {
            throw new RefundProblems.RefundInProgress(paymentId);
        }
        if (status != PaymentStatus.SUCCEEDED && status != PaymentStatus.PARTIALLY_REFUNDED) {
            throw new RefundProblems.NotRefundable(paymentId, status.name());
        }
        long refundable = payment.amountVnd - payment.refundedVnd;
        if (command.expectedRefundableVnd() != refundable) {
            throw new RefundProblems.RefundableChanged(command.expectedRefundableVnd(), refundable);
        }
        if (command.amountVnd() > refundable) {
            throw new RefundProblems.ExceedsRefundable(command.amountVnd(), refundable);
        }
        Refund refund = new Refund();
        refund.id = UUID.randomUUID().toString();
        refund.paymentId = paymentId;
        refund.amountVnd = command.amountVnd();
        refund.status = Refund.Status.AWAITING_APPROVAL.name();
        refund.reason = command.reason();
        refund.requestedBy = staff.subject();
        refund.requestedAt = now;
        refund.persist();
        payments.move(payment, PaymentStatus.REFUND_REQUESTED, "officer:" + staff.subject(),
                "refund " + refund.id + " of " + refund.amountVnd + " VND requested: " + command.reason());
        if (command.amountVnd() <= config.refundApprovalThresholdVnd() || staff.leader()) {
            execute(refund, l, staff.subject(), staff.leader() ? "requested by a leader" : "below the approval threshold", now);
        }
        return view(refund, payment);
    }

    public RefundView approve(String paymentId, String refundId, Staff leader, String note, OffsetDateTime now) {
        Locked l = lock(paymentId, leader);
        Refund refund = awaiting(paymentId, refundId);
        if (refund.requestedBy.equals(leader.subject())) {
            throw new RefundProblems.SelfApproval();
        }
        execute(refund, l, leader.subject(), note, now);
        return view(refund, l.payment());
    }

    public RefundView reject(String paymentId, String refundId, Staff leader, String note, OffsetDateTime now) {
        Locked l = lock(paymentId, leader);
        Refund refund = awaiting(paymentId, refundId);
        refund.status = Refund.Status.REJECTED.name();
        refund.decidedBy = leader.subject();
        refund.decidedAt = now;
        refund.decisionNote = note;
        Payment payment = l.payment();
        payments.move(payment, payment.refundedVnd == 0 ? PaymentStatus.SUCCEEDED : PaymentStatus.PARTIALLY_REFUNDED,
                "leader:" + leader.subject(), "refund " + refund.id + " rejected: " + note);
        return view(refund, payment);
    }

    private Refund awaiting(String paymentId, String refundId) {
        Refund refund = em.find(Refund.class, refundId, LockModeType.PESSIMISTIC_WRITE);
        if (refund == null || !refund.paymentId.equals(paymentId)) {
            throw new CommonProblems.NotFound("refund", refundId);
        }
        if (!Refund.Status.AWAITING_APPROVAL.name().equals(refund.status)) {
            throw new RefundProblems.NotAwaitingApproval(refundId, refund.status);
        }
        return refund;
    }

    /** Gives the money back at the provider; a provider failure rolls the whole request back (nothing half-done). */
    private void execute(Refund refund, Locked l, String decidedBy, String note, OffsetDateTime now) {
        Payment payment = l.payment();
        String providerRefundId = providers.get(ProviderCode.valueOf(payment.provider)).refund(new PaymentProvider.RefundOrder(
                refund.id, payment.reference, payment.providerTransactionId, refund.amountVnd, payment.amountVnd,
                decidedBy, payment.settledAt));
        refund.status = Refund.Status.REFUNDED.name();
        refund.decidedBy = decidedBy;
        refund.decidedAt = now;
        refund.decisionNote = note;
        refund.providerRefundId = providerRefundId;
        refund.refundedAt = now;
        payment.refundedVnd = Math.addExact(payment.refundedVnd, refund.amountVnd);
        PaymentStatus to = payment.refundedVnd == payment.amountVnd ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        payments.move(payment, to, decidedBy, "refund " + refund.id + " of " + refund.amountVnd + " VND paid back, provider refund "
                + providerRefundId);
        events.refunded(payment, l.obligation(), refund.id, refund.amountVnd, refund.reason, now);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RefundView> list(String paymentId) {
        Payment payment = Payment.findById(paymentId);
        return Refund.<Refund>list("paymentId = ?1 order by requestedAt", paymentId).stream().map(r -> view(r, payment)).toList();
    }

    static RefundView view(Refund r, Payment payment) {
        return new RefundView(r.id, r.paymentId, r.amountVnd, r.status, r.reason, r.requestedBy, r.requestedAt, r.decidedBy,
                r.decidedAt, r.decisionNote, r.providerRefundId, r.refundedAt, payment.amountVnd - payment.refundedVnd);
    }
}
