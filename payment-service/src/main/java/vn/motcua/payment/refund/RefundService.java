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

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.jboss.logging.Logger;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.payment.provider.ProviderUnavailableException;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Refunds. The payment row is locked while a refund is decided, and the request must state the refundable amount it
 * saw: two officers refunding the same money cannot both succeed (the second gets 412). A refund that takes the
 * payment's refunded total above the configured threshold waits for a leader of the same agency, who must not be the
 * requester. The provider is called outside any transaction (see {@link #send}).
 */
@ApplicationScoped
@Transactional
public class RefundService {

    private static final Logger LOG = Logger.getLogger(RefundService.class);

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
        // the threshold bounds what an officer gives back from one payment on their own, all refunds together: split
        // into small refunds, 5 × 90 000 đ would otherwise pass a 100 000 đ threshold without a leader
        long refundedWithThis = Math.addExact(payment.refundedVnd, command.amountVnd());
        if (refundedWithThis <= config.refundApprovalThresholdVnd() || staff.leader()) {
            reserve(refund, staff.subject(), staff.leader() ? "requested by a leader" : "below the approval threshold", now);
        }
        return view(refund, payment);
    }

    public RefundView approve(String paymentId, String refundId, Staff leader, String note, OffsetDateTime now) {
        Locked l = lock(paymentId, leader);
        Refund refund = awaiting(paymentId, refundId);
        if (refund.requestedBy.equals(leader.subject())) {
            throw new RefundProblems.SelfApproval();
        }
        reserve(refund, leader.subject(), note, now);
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

    /**
     * Decided: the refund is SENDING. Committed before the provider is called ({@link #send}), so that no row lock or
     * connection is held while the provider takes its time, and so that a crash between the provider's answer and
     * our record leaves a SENDING refund that the job sends again under the same id.
     */
    private void reserve(Refund refund, String decidedBy, String note, OffsetDateTime now) {
        refund.status = Refund.Status.SENDING.name();
        refund.decidedBy = decidedBy;
        refund.decidedAt = now;
        refund.decisionNote = note;
    }

    /**
     * Gives the money back at the provider, outside any transaction: read the SENDING refund, call the provider with
     * the refund's own id as its idempotency reference, record the answer in a new transaction. A provider that fails
     * or does not answer leaves the refund SENDING; {@link #resendDue} sends it again with the same id, and the
     * provider, recognising the id, does not pay twice.
     *
     * @return true when the refund is recorded as REFUNDED (now or before)
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public boolean send(String refundId) {
        Optional<PaymentProvider.RefundOrder> order = QuarkusTransaction.requiringNew().call(() -> sendingOrder(refundId));
        if (order.isEmpty()) {
            return false;
        }
        Payment payment = QuarkusTransaction.requiringNew().call(() -> Payment.<Payment>findById(
                Refund.<Refund>findById(refundId).paymentId));
        String providerRefundId;
        try {
            providerRefundId = providers.get(ProviderCode.valueOf(payment.provider)).refund(order.get());
        } catch (ProviderUnavailableException e) {
            LOG.warnf("refund %s not confirmed by the provider (%s): stays SENDING, sent again by the job", refundId,
                    e.getMessage());
            return false;
        }
        return QuarkusTransaction.requiringNew().call(() -> record(refundId, providerRefundId,
                OffsetDateTime.now(CloudEventCodec.ZONE)));
    }

    private Optional<PaymentProvider.RefundOrder> sendingOrder(String refundId) {
        Refund refund = Refund.findById(refundId);
        if (refund == null || !Refund.Status.SENDING.name().equals(refund.status)) {
            return Optional.empty();
        }
        Payment payment = Payment.findById(refund.paymentId);
        return Optional.of(new PaymentProvider.RefundOrder(refund.id, payment.reference, payment.providerTransactionId,
                refund.amountVnd, payment.amountVnd, refund.decidedBy, payment.settledAt));
    }

    /** The provider's answer, under the row locks (obligation, then payment, as everywhere); once only. */
    private boolean record(String refundId, String providerRefundId, OffsetDateTime now) {
        Refund refund = em.find(Refund.class, refundId);
        Payment payment = Payment.findById(refund.paymentId);
        Obligation obligation = em.find(Obligation.class, payment.obligationId, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(payment, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(refund, LockModeType.PESSIMISTIC_WRITE);
        if (!Refund.Status.SENDING.name().equals(refund.status)) {
            return Refund.Status.REFUNDED.name().equals(refund.status); // another instance recorded it
        }
        refund.status = Refund.Status.REFUNDED.name();
        refund.providerRefundId = providerRefundId;
        refund.refundedAt = now;
        payment.refundedVnd = Math.addExact(payment.refundedVnd, refund.amountVnd);
        PaymentStatus to = payment.refundedVnd == payment.amountVnd ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        payments.move(payment, to, refund.decidedBy, "refund " + refund.id + " of " + refund.amountVnd
                + " VND paid back, provider refund " + providerRefundId);
        events.refunded(payment, obligation, refund.id, refund.amountVnd, refund.reason, now);
        return true;
    }

    /**
     * Sends again the refunds left SENDING for longer than {@code refund-resend-after} (the provider failed, its answer
     * was lost, or the instance stopped between the call and the record). Safe with several instances: the provider
     * knows the refund by its id, and the record happens once under the row lock.
     *
     * @return how many were recorded as refunded
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public int resendDue(OffsetDateTime now) {
        List<String> due = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select r.id from Refund r where r.status = 'SENDING' and r.decidedAt < :before order by r.decidedAt",
                        String.class).setParameter("before", now.minus(config.refundResendAfter())).setMaxResults(100)
                .getResultList());
        int recorded = 0;
        for (String id : due) {
            if (send(id)) {
                recorded++;
            }
        }
        return recorded;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RefundView> find(String paymentId, String refundId) {
        Refund refund = Refund.findById(refundId);
        if (refund == null || !refund.paymentId.equals(paymentId)) {
            return Optional.empty();
        }
        return Optional.of(view(refund, Payment.findById(paymentId)));
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
