package vn.motcua.notification.admin;

import vn.motcua.notification.message.NotificationMessage;

import static vn.motcua.notification.message.Times.local;

import java.time.OffsetDateTime;

/** A message as an admin sees it: where it went, with which template version, and what happened. */
public record MessageView(String id, String sourceEventId, String eventType, String dossierId, String recipientId,
                          String channel, String address, String language, String category, boolean mandatory,
                          String templateCode, int templateVersion, String title, String body, String status,
                          String failureReason, boolean deadLettered, String provider, String providerReference,
                          int attempts, OffsetDateTime nextAttemptAt, OffsetDateTime deadLetteredAt,
                          OffsetDateTime deliveredAt, OffsetDateTime createdAt) {

    public static MessageView of(NotificationMessage m) {
        return new MessageView(m.id.toString(), m.sourceEventId, m.eventType, m.dossierId, m.recipientId,
                m.channel.name(), m.address, m.language, m.category, m.mandatory, m.templateCode, m.templateVersion,
                m.title, m.body, m.status.name(), m.failureReason, m.deadLetteredAt != null, m.provider,
                m.providerReference, m.attempts, local(m.nextAttemptAt), local(m.deadLetteredAt), local(m.deliveredAt),
                local(m.createdAt));
    }
}
