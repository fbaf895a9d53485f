package vn.motcua.notification.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.events.Topics;
import vn.motcua.contracts.notification.NotificationEvents;
import vn.motcua.messaging.outbox.Outbox;

import java.time.OffsetDateTime;

/** Publishes a message's final outcome on {@code notification.events}, in the transaction that records it. */
@ApplicationScoped
public class MessageEvents {

    @Inject
    Outbox outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void delivered(NotificationMessage m) {
        outbox.publish(Topics.NOTIFICATION, keyOf(m), NotificationEvents.DELIVERED,
                new NotificationEvents.Delivered(m.id.toString(), m.sourceEventId, m.recipientId, m.channel.name(),
                        m.templateCode, m.templateVersion,
                        m.deliveredAt != null ? m.deliveredAt : OffsetDateTime.now(CloudEventCodec.ZONE)));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void failed(NotificationMessage m) {
        String failure = switch (m.status) {
            case TEMPORARY_FAILURE -> "TEMPORARY";
            case TECHNICAL_FAILURE -> "TECHNICAL";
            default -> "PERMANENT";
        };
        outbox.publish(Topics.NOTIFICATION, keyOf(m), NotificationEvents.FAILED,
                new NotificationEvents.Failed(m.id.toString(), m.sourceEventId, m.recipientId, m.channel.name(),
                        failure, m.failureReason, OffsetDateTime.now(CloudEventCodec.ZONE)));
    }

    private static String keyOf(NotificationMessage m) {
        return m.dossierId != null ? m.dossierId : m.recipientId;
    }
}
