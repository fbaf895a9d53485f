package vn.motcua.notification.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.motcua.notification.message.DeliveryStatus;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One event for one subscription; its HTTP attempts are in {@code webhook_attempt}. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "subscription_id")
    public UUID subscriptionId;
    @Column(name = "event_id")
    public String eventId;
    @Column(name = "event_type")
    public String eventType;
    public String payload;
    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;
    @Column(name = "last_response_status")
    public Integer lastResponseStatus;
    @Column(name = "last_error")
    public String lastError;
    /** The token of the sender's claim while SENDING; a write-back with another token is stale and dropped. */
    @Column(name = "claim_token")
    public UUID claimToken;
    @Column(name = "dead_lettered_at")
    public OffsetDateTime deadLetteredAt;
    @Column(name = "delivered_at")
    public OffsetDateTime deliveredAt;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
