package vn.motcua.messaging.deadletter;

import java.time.OffsetDateTime;

/**
 * An event a handler can never process as it stands (or a record that is no CloudEvent), kept for an operator.
 *
 * @param handler the handler that refused it, or {@value #ENVELOPE} when the record itself is unreadable
 */
public record DeadLetter(long id, String topic, int partition, long offset, String key, String eventId,
                         String eventType, String handler, String reason, String exception, int attempts,
                         byte[] payload, OffsetDateTime failedAt, OffsetDateTime replayedAt, int replayAttempts) {

    public static final String ENVELOPE = "envelope";

    public boolean replayed() {
        return replayedAt != null;
    }
}
