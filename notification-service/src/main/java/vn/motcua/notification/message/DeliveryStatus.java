package vn.motcua.notification.message;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of one outgoing message (or webhook delivery), in the vocabulary of GOV.UK Notify:
 * a temporary failure is the recipient's side (mailbox full, phone off, provider throttling) and is retried;
 * a technical failure is ours or the provider's (timeout, 5xx) and is retried too; a permanent failure (invalid
 * address, refused by the provider) is final. After the last retry a failed message is dead-lettered for an admin.
 */
public enum DeliveryStatus {
    QUEUED, SENDING, DELIVERED, TEMPORARY_FAILURE, TECHNICAL_FAILURE, PERMANENT_FAILURE;

    public Set<DeliveryStatus> next() {
        return switch (this) {
            case QUEUED -> EnumSet.of(SENDING, PERMANENT_FAILURE);
            // SENDING → QUEUED: the lease of a crashed sender expired and another one takes the message again
            case SENDING -> EnumSet.of(DELIVERED, TEMPORARY_FAILURE, TECHNICAL_FAILURE, PERMANENT_FAILURE, SENDING);
            case TEMPORARY_FAILURE, TECHNICAL_FAILURE -> EnumSet.of(SENDING, QUEUED);
            // an admin may re-queue a message that failed for good once the cause is fixed
            case PERMANENT_FAILURE -> EnumSet.of(QUEUED);
            case DELIVERED -> EnumSet.noneOf(DeliveryStatus.class);
        };
    }

    public boolean canBecome(DeliveryStatus target) {
        return next().contains(target);
    }

    public boolean isRetryable() {
        return this == TEMPORARY_FAILURE || this == TECHNICAL_FAILURE;
    }

    public boolean isFailure() {
        return this == TEMPORARY_FAILURE || this == TECHNICAL_FAILURE || this == PERMANENT_FAILURE;
    }
}
