package vn.motcua.appointment.capacity;

import java.time.LocalDate;
import java.util.List;

/**
 * Seats of one slot after the capacity policies in force: a policy can reduce the seats to a percentage (rounded
 * down: 50 % of 3 seats is 1, never more people than the rule allows) and cap the people per slot. When several
 * policies apply the strictest wins. Plain Java, no framework.
 */
public final class CapacityRule {

    /** A policy as decided; {@code procedureCode} null = every procedure; {@code effectiveTo} null = open-ended. */
    public record Policy(String procedureCode, LocalDate effectiveFrom, LocalDate effectiveTo, Integer seatPercent,
                         Integer maxPerSlot) {
        public Policy {
            if (seatPercent == null && maxPerSlot == null) {
                throw new IllegalArgumentException("a policy limits seats by percent, by a maximum, or both");
            }
            if (seatPercent != null && (seatPercent < 0 || seatPercent > 100)) {
                throw new IllegalArgumentException("seatPercent must be between 0 and 100");
            }
            if (maxPerSlot != null && maxPerSlot < 0) {
                throw new IllegalArgumentException("maxPerSlot must be 0 or more");
            }
            if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
                throw new IllegalArgumentException("effectiveTo is before effectiveFrom");
            }
        }

        public boolean appliesTo(String procedure, LocalDate day) {
            return (procedureCode == null || procedureCode.equals(procedure))
                    && !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
        }
    }

    /** Seats of a slot: {@code publicSeats} bookable online, {@code internalSeats} kept for walk-ins. */
    public record SlotCapacity(int publicSeats, int internalSeats) {
    }

    private CapacityRule() {
    }

    public static SlotCapacity effective(int publicQuota, int internalQuota, String procedure, LocalDate day,
                                         List<Policy> policies) {
        int publicSeats = publicQuota;
        int internalSeats = internalQuota;
        for (Policy policy : policies) {
            if (!policy.appliesTo(procedure, day)) {
                continue;
            }
            publicSeats = limit(publicSeats, publicQuota, policy);
            internalSeats = limit(internalSeats, internalQuota, policy);
        }
        return new SlotCapacity(publicSeats, internalSeats);
    }

    private static int limit(int current, int quota, Policy policy) {
        int seats = current;
        if (policy.seatPercent() != null) {
            seats = Math.min(seats, quota * policy.seatPercent() / 100);
        }
        if (policy.maxPerSlot() != null) {
            seats = Math.min(seats, policy.maxPerSlot());
        }
        return seats;
    }
}
