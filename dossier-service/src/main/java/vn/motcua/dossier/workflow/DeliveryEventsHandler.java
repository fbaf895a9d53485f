package vn.motcua.dossier.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.motcua.contracts.delivery.DeliveryEvents;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.events.Topics;
import vn.motcua.dossier.common.Actor;
import vn.motcua.messaging.inbox.EventHandler;
import vn.motcua.messaging.inbox.PoisonEventException;

import java.util.Set;
import java.util.UUID;

/**
 * delivery.events for results going back by post ({@code kind=RESULT_RETURN}): DELIVERED → the dossier is RETURNED;
 * RETURNED (to sender) → recorded, and the counter may then hand the result over. Document pickups are not ours.
 */
@ApplicationScoped
public class DeliveryEventsHandler implements EventHandler {

    static final String RESULT_RETURN = "RESULT_RETURN";

    @Inject
    WorkflowService workflow;

    @Override
    public Set<String> topics() {
        return Set.of(Topics.DELIVERY);
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(DeliveryEvents.DELIVERED, DeliveryEvents.RETURNED);
    }

    @Override
    public void handle(CloudEvent event) {
        Actor actor = Actor.system("postal-delivery-service");
        if (event.type().equals(DeliveryEvents.DELIVERED)) {
            DeliveryEvents.Delivered delivered = CloudEventCodec.dataAs(event, DeliveryEvents.Delivered.class);
            if (RESULT_RETURN.equals(delivered.order().kind())) {
                workflow.resultDelivered(dossierId(delivered.order()), delivered.order().orderId(), delivered.deliveredAt(), actor);
            }
        } else if (event.type().equals(DeliveryEvents.RETURNED)) {
            DeliveryEvents.Returned returned = CloudEventCodec.dataAs(event, DeliveryEvents.Returned.class);
            if (RESULT_RETURN.equals(returned.order().kind())) {
                workflow.resultReturnedToSender(dossierId(returned.order()), returned.order().orderId(), returned.reason(), actor);
            }
        }
    }

    static UUID dossierId(DeliveryEvents.DeliveryRef order) {
        if (order == null || order.dossierId() == null) {
            throw new PoisonEventException("delivery event without a dossier id");
        }
        try {
            return UUID.fromString(order.dossierId());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("dossier id " + order.dossierId() + " is not a UUID", e);
        }
    }
}
