package vn.motcua.dossier.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.events.Topics;
import vn.motcua.contracts.payment.PaymentEvents;
import vn.motcua.dossier.common.Actor;
import vn.motcua.messaging.inbox.EventHandler;
import vn.motcua.messaging.inbox.PoisonEventException;

import java.util.Set;
import java.util.UUID;

/**
 * payment.events: SUCCEEDED of the dossier's own fee obligation (kind DOSSIER_FEE, same agency, covering the fee)
 * moves an AWAITING_PAYMENT dossier to SUBMITTED (ready for reception, paid); any other payment is recorded in the
 * audit trail and changes nothing (see {@link WorkflowService#whyNotTheFee}). FAILED and
 * EXPIRED leave it awaiting payment (the applicant can pay again) and are recorded in the audit trail.
 */
@ApplicationScoped
public class PaymentEventsHandler implements EventHandler {

    @Inject
    WorkflowService workflow;

    @Override
    public Set<String> topics() {
        return Set.of(Topics.PAYMENT);
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(PaymentEvents.SUCCEEDED, PaymentEvents.FAILED, PaymentEvents.EXPIRED);
    }

    @Override
    public void handle(CloudEvent event) {
        Actor actor = Actor.system("payment-service");
        PaymentEvents.PaymentRef ref = CloudEventCodec.dataAs(event, PaymentEventPayment.class).payment();
        if (ref == null || ref.dossierId() == null) {
            return; // an extra obligation raised by an officer without a dossier: nothing to do with a dossier
        }
        switch (event.type()) {
            case PaymentEvents.SUCCEEDED -> {
                PaymentEvents.Succeeded paid = CloudEventCodec.dataAs(event, PaymentEvents.Succeeded.class);
                workflow.paymentSucceeded(dossierId(paid.payment()), paid.payment(), paid.receiptNumber(), paid.paidAt(),
                        actor);
            }
            case PaymentEvents.FAILED -> {
                PaymentEvents.Failed failed = CloudEventCodec.dataAs(event, PaymentEvents.Failed.class);
                workflow.paymentNotCompleted(dossierId(failed.payment()), failed.payment().paymentId(), "failed",
                        actor.withReason(failed.reason()));
            }
            case PaymentEvents.EXPIRED -> {
                PaymentEvents.Expired expired = CloudEventCodec.dataAs(event, PaymentEvents.Expired.class);
                workflow.paymentNotCompleted(dossierId(expired.payment()), expired.payment().paymentId(), "expired", actor);
            }
            default -> {
            }
        }
    }

    /** Every payment event carries {@code payment}; read just that to decide whether it concerns a dossier. */
    record PaymentEventPayment(PaymentEvents.PaymentRef payment) {
    }

    static UUID dossierId(PaymentEvents.PaymentRef payment) {
        if (payment == null || payment.dossierId() == null) {
            throw new PoisonEventException("payment event without a dossier id");
        }
        try {
            return UUID.fromString(payment.dossierId());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("dossier id " + payment.dossierId() + " is not a UUID", e);
        }
    }
}
