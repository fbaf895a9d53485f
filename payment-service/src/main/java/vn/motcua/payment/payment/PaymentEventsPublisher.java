package vn.motcua.payment.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.motcua.contracts.events.Topics;
import vn.motcua.contracts.payment.PaymentEvents;
import vn.motcua.messaging.outbox.Outbox;
import vn.motcua.payment.obligation.Obligation;

import java.time.OffsetDateTime;

/** Writes {@code payment.events} through the outbox, in the caller's transaction; key = dossier id. */
@ApplicationScoped
public class PaymentEventsPublisher {

    @Inject
    Outbox outbox;

    public static PaymentEvents.PaymentRef ref(Payment payment, Obligation obligation, String status) {
        return new PaymentEvents.PaymentRef(payment.id, obligation.dossierId, obligation.dossierCode, obligation.agencyCode,
                obligation.procedureName, obligation.payer(), payment.amountVnd, obligation.fees, status, obligation.id,
                obligation.kind, obligation.amountVnd);
    }

    public void requested(Payment payment, Obligation obligation, OffsetDateTime at) {
        outbox.publish(Topics.PAYMENT, obligation.eventKey(payment.id), PaymentEvents.REQUESTED,
                new PaymentEvents.Requested(ref(payment, obligation, payment.status), obligation.expiresAt, at));
    }

    public void succeeded(Payment payment, Obligation obligation, String receiptNumber) {
        outbox.publish(Topics.PAYMENT, obligation.eventKey(payment.id), PaymentEvents.SUCCEEDED,
                new PaymentEvents.Succeeded(ref(payment, obligation, payment.status), payment.provider,
                        payment.providerTransactionId, receiptNumber, payment.settledAt));
    }

    public void failed(Payment payment, Obligation obligation, String reason, OffsetDateTime at) {
        outbox.publish(Topics.PAYMENT, obligation.eventKey(payment.id), PaymentEvents.FAILED,
                new PaymentEvents.Failed(ref(payment, obligation, payment.status), payment.provider, reason, at));
    }

    public void expired(Payment payment, Obligation obligation, OffsetDateTime at) {
        outbox.publish(Topics.PAYMENT, obligation.eventKey(payment.id), PaymentEvents.EXPIRED,
                new PaymentEvents.Expired(ref(payment, obligation, PaymentStatus.EXPIRED.name()), at));
    }

    public void refunded(Payment payment, Obligation obligation, String refundId, long refundedVnd, String reason,
                         OffsetDateTime at) {
        outbox.publish(Topics.PAYMENT, obligation.eventKey(payment.id), PaymentEvents.REFUNDED,
                new PaymentEvents.Refunded(ref(payment, obligation, payment.status), refundId, refundedVnd, reason, at));
    }
}
