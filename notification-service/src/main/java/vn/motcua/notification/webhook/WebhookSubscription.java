package vn.motcua.notification.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A system that wants our events by HTTP: its URL, the event types it wants, and the secret we sign with (sealed). */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    public static final String ALL_TYPES = "*";

    public enum Status { ACTIVE, PAUSED }

    @Id
    public UUID id;
    public String name;
    public String url;
    @Column(name = "event_types")
    public String eventTypes;
    /** Sealed by {@link WebhookSecrets} (plain text only in rows from before sealing, while {@link #secretKeyId} is null). */
    public String secret;
    @Column(name = "secret_key_id")
    public String secretKeyId;
    public String status;
    @Column(name = "consecutive_failures")
    public int consecutiveFailures;
    @Column(name = "paused_reason")
    public String pausedReason;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;

    public List<String> eventTypeList() {
        return Arrays.stream(eventTypes.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public boolean wants(String type) {
        List<String> types = eventTypeList();
        return types.contains(ALL_TYPES) || types.contains(type);
    }
}
