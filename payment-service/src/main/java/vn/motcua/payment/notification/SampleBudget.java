package vn.motcua.payment.notification;

import java.time.Clock;

/**
 * At most {@code perMinute} admissions per calendar minute of the clock: a flood of forged notifications costs one
 * counter increment each, and at most this many rows a minute per instance.
 */
public final class SampleBudget {

    private final Clock clock;
    private long minute = Long.MIN_VALUE;
    private int taken;

    public SampleBudget(Clock clock) {
        this.clock = clock;
    }

    public synchronized boolean take(int perMinute) {
        long now = clock.millis() / 60_000;
        if (now != minute) {
            minute = now;
            taken = 0;
        }
        if (taken >= perMinute) {
            return false;
        }
        taken++;
        return true;
    }
}
