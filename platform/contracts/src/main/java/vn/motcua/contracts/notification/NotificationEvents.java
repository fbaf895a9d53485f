package vn.motcua.contracts.notification;

import java.time.OffsetDateTime;

/** Events of notification-service on topic {@code notification.events}, key = the dossier id or recipient id. */
public final class NotificationEvents {

    public static final String DELIVERED = "vn.motcua.notification.delivered.v1";
    public static final String FAILED = "vn.motcua.notification.failed.v1";

    private NotificationEvents() {
    }

    /** {@code channel}: EMAIL, SMS, IN_APP or WEBHOOK. */
    public record Delivered(String notificationId, String sourceEventId, String recipientId, String channel,
                            String templateCode, int templateVersion, OffsetDateTime deliveredAt) {
    }

    /** {@code failure}: TEMPORARY, PERMANENT or TECHNICAL, with the reason. */
    public record Failed(String notificationId, String sourceEventId, String recipientId, String channel,
                         String failure, String reason, OffsetDateTime failedAt) {
    }
}
