package vn.motcua.notification.message;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Exponential backoff with a cap and a bounded number of attempts: the wait before attempt n+1 is
 * {@code initial · 2^(n-1)}, never more than {@code max}. Plain Java so that the schedule is unit tested.
 */
public record Backoff(Duration initial, Duration max, int maxAttempts) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max and at least one attempt");
        }
    }

    /** The wait after {@code attemptsMade} failed attempts (1 = after the first). */
    public Duration delayAfter(int attemptsMade) {
        int exponent = Math.max(0, Math.min(attemptsMade - 1, 30));
        long millis = initial.toMillis();
        for (int i = 0; i < exponent && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    /** When to try again after {@code attemptsMade} failed attempts, or empty when the attempts are used up. */
    public Optional<OffsetDateTime> nextAttempt(int attemptsMade, OffsetDateTime now) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(now.plus(delayAfter(attemptsMade)));
    }
}
