package vn.motcua.notification.message;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One message to one recipient on one channel, created from one source event. Never serialised to JSON itself. */
@Entity
@Table(name = "notification_message")
public class NotificationMessage extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "source_event_id")
    public String sourceEventId;
    @Column(name = "event_type")
    public String eventType;
    @Column(name = "dossier_id")
    public String dossierId;
    @Column(name = "recipient_id")
    public String recipientId;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public String address;
    public String language;
    public String category;
    public boolean mandatory;
    @Column(name = "template_code")
    public String templateCode;
    @Column(name = "template_version")
    public int templateVersion;
    public String title;
    public String body;
    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;
    @Column(name = "failure_reason")
    public String failureReason;
    public String provider;
    @Column(name = "provider_reference")
    public String providerReference;
    public int attempts;
    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;
    @Column(name = "dead_lettered_at")
    public OffsetDateTime deadLetteredAt;
    /** The token of the sender's claim while SENDING; a write-back with another token is stale and dropped. */
    @Column(name = "claim_token")
    public UUID claimToken;
    @Column(name = "read_at")
    public OffsetDateTime readAt;
    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
