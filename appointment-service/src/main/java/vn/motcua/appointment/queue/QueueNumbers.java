package vn.motcua.appointment.queue;

import java.time.Duration;

/** Queue number display and waiting-time estimate. Plain Java. */
public final class QueueNumbers {

    private QueueNumbers() {
    }

    /** {@code A} + 7 → {@code A007}; numbers past 999 keep all their digits ({@code A1000}). */
    public static String display(String prefix, int number) {
        if (number < 1) {
            throw new IllegalArgumentException("queue numbers start at 1");
        }
        return prefix + String.format("%03d", number);
    }

    /**
     * Expected wait for a ticket with {@code ahead} people before it in its counter group, served by
     * {@code openCounters} counters in parallel, each taking about {@code perPerson}: full rounds ahead of it.
     */
    public static Duration estimatedWait(int ahead, int openCounters, Duration perPerson) {
        if (ahead <= 0) {
            return Duration.ZERO;
        }
        int counters = Math.max(1, openCounters);
        int rounds = (ahead + counters - 1) / counters;
        return perPerson.multipliedBy(rounds);
    }
}
