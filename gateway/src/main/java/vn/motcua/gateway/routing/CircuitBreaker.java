package vn.motcua.gateway.routing;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A circuit breaker per upstream. CLOSED: requests flow, consecutive failures are counted. After
 * {@code failureThreshold} of them: OPEN, every request is refused at once for {@code openFor}. Then HALF_OPEN: one
 * trial request goes through; its success closes the circuit, its failure opens it again. Plain Java with an
 * injectable clock; thread-safe by a monitor (the critical sections are a few field updates).
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final long openForNanos;
    private final LongSupplier nanoClock;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean trialInFlight;

    public CircuitBreaker(int failureThreshold, Duration openFor, LongSupplier nanoClock) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1");
        }
        this.failureThreshold = failureThreshold;
        this.openForNanos = openFor.toNanos();
        this.nanoClock = nanoClock;
    }

    public CircuitBreaker(int failureThreshold, Duration openFor) {
        this(failureThreshold, openFor, System::nanoTime);
    }

    /** Whether a request may go to the upstream now; when it returns true, report the outcome with one of the record methods. */
    public synchronized boolean tryAcquire() {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (nanoClock.getAsLong() - openedAt >= openForNanos) {
                    state = State.HALF_OPEN;
                    trialInFlight = true;
                    return true;
                }
                return false;
            case HALF_OPEN:
                if (trialInFlight) {
                    return false;
                }
                trialInFlight = true;
                return true;
            default:
                throw new IllegalStateException(state.name());
        }
    }

    public synchronized void recordSuccess() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        trialInFlight = false;
    }

    public synchronized void recordFailure() {
        trialInFlight = false;
        if (state == State.HALF_OPEN) {
            open();
            return;
        }
        consecutiveFailures++;
        if (state == State.CLOSED && consecutiveFailures >= failureThreshold) {
            open();
        }
    }

    /** A request that was let through but never reached the upstream (e.g. refused by a limit) frees a trial slot. */
    public synchronized void recordIgnored() {
        trialInFlight = false;
    }

    /** Seconds until a trial request will be let through (for {@code Retry-After}); 0 when not open. */
    public synchronized long secondsUntilTrial() {
        if (state != State.OPEN) {
            return 0;
        }
        long remaining = openForNanos - (nanoClock.getAsLong() - openedAt);
        return Math.max(1, (long) Math.ceil(remaining / 1e9));
    }

    public synchronized State state() {
        return state;
    }

    private void open() {
        state = State.OPEN;
        openedAt = nanoClock.getAsLong();
        consecutiveFailures = 0;
    }
}
