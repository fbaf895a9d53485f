package vn.motcua.notification.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import vn.motcua.contracts.appointment.AppointmentEvents;
import vn.motcua.contracts.delivery.DeliveryEvents;
import vn.motcua.contracts.dossier.DossierEvents;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.events.Topics;
import vn.motcua.contracts.payment.PaymentEvents;
import vn.motcua.messaging.inbox.EventHandler;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Records a delivery per matching subscription for every platform event (the CloudEvent as it came, unchanged).
 * Paused subscriptions collect deliveries too, so nothing is lost; they are sent once the subscription resumes.
 */
@ApplicationScoped
public class WebhookFanOut implements EventHandler {

    /** The event types a subscription may filter on. */
    public static final Set<String> EVENT_TYPES;

    static {
        Set<String> types = new LinkedHashSet<>(DossierEvents.ALL);
        types.addAll(DossierEvents.ADDED_STATUS_CHANGES);
        types.addAll(List.of(PaymentEvents.REQUESTED, PaymentEvents.SUCCEEDED, PaymentEvents.FAILED, PaymentEvents.EXPIRED,
                PaymentEvents.REFUNDED));
        types.addAll(List.of(AppointmentEvents.BOOKING_CREATED, AppointmentEvents.BOOKING_CANCELLED,
                AppointmentEvents.BOOKING_RESCHEDULED, AppointmentEvents.BOOKING_CHECKED_IN, AppointmentEvents.BOOKING_NO_SHOW,
                AppointmentEvents.BOOKING_SERVED, AppointmentEvents.REMINDER_DUE, AppointmentEvents.SUSPENSION_STARTED,
                AppointmentEvents.SUSPENSION_ENDED, AppointmentEvents.EXCEPTION_APPROVED, AppointmentEvents.EXCEPTION_REJECTED));
        types.addAll(List.of(DeliveryEvents.REQUESTED, DeliveryEvents.DISPATCHED, DeliveryEvents.STATUS_CHANGED,
                DeliveryEvents.DELIVERED, DeliveryEvents.FAILED, DeliveryEvents.RETURNED, DeliveryEvents.SLA_BREACHED));
        EVENT_TYPES = Set.copyOf(types);
    }

    @Inject
    EntityManager entityManager;

    @Override
    public Set<String> topics() {
        return Set.of(Topics.DOSSIER, Topics.PAYMENT, Topics.APPOINTMENT, Topics.DELIVERY);
    }

    @Override
    public Set<String> eventTypes() {
        return EVENT_TYPES;
    }

    @Override
    public String name() {
        return "webhook-fan-out";
    }

    @Override
    public void handle(CloudEvent event) {
        List<WebhookSubscription> subscriptions = WebhookSubscription.listAll();
        String payload = CloudEventCodec.writeString(event);
        OffsetDateTime now = OffsetDateTime.now(CloudEventCodec.ZONE);
        for (WebhookSubscription subscription : subscriptions) {
            if (!subscription.wants(event.type())) {
                continue;
            }
            entityManager.createNativeQuery("""
                            insert into webhook_delivery (id, subscription_id, event_id, event_type, payload, status,
                                attempts, next_attempt_at, created_at, updated_at)
                            values (?1, ?2, ?3, ?4, ?5, 'QUEUED', 0, ?6, ?6, ?6)
                            on conflict on constraint webhook_delivery_once do nothing""")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, subscription.id).setParameter(3, event.id())
                    .setParameter(4, event.type()).setParameter(5, payload).setParameter(6, now)
                    .executeUpdate();
        }
    }
}
