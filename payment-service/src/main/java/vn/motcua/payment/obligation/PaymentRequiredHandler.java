package vn.motcua.payment.obligation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.motcua.contracts.dossier.DossierEvents;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.events.Topics;
import vn.motcua.messaging.inbox.EventHandler;

import java.time.OffsetDateTime;
import java.util.Set;

/** Consumes dossier-service's {@code payment-required} events (runs in a transaction, deduplicated by event id). */
@ApplicationScoped
public class PaymentRequiredHandler implements EventHandler {

    @Inject
    ObligationService obligations;

    @Override
    public Set<String> topics() {
        return Set.of(Topics.DOSSIER);
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(DossierEvents.PAYMENT_REQUIRED);
    }

    @Override
    public void handle(CloudEvent event) {
        DossierEvents.PaymentRequired required = CloudEventCodec.dataAs(event, DossierEvents.PaymentRequired.class);
        obligations.onPaymentRequired(event.id(), required, OffsetDateTime.now(CloudEventCodec.ZONE));
    }
}
