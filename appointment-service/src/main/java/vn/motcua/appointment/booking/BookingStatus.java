package vn.motcua.appointment.booking;

import java.util.EnumSet;
import java.util.Set;

/**
 * Life of a booking. HELD takes a seat while the citizen confirms; the seat is given back on CANCELLED and
 * EXPIRED. NO_SHOW and SERVED keep it (the slot is over anyway).
 */
public enum BookingStatus {
    HELD, CONFIRMED, CHECKED_IN, SERVED, NO_SHOW, CANCELLED, EXPIRED;

    public Set<BookingStatus> next() {
        return switch (this) {
            case HELD -> EnumSet.of(CONFIRMED, CANCELLED, EXPIRED);
            case CONFIRMED -> EnumSet.of(CHECKED_IN, NO_SHOW, CANCELLED);
            case CHECKED_IN -> EnumSet.of(SERVED, NO_SHOW);
            case SERVED, NO_SHOW, CANCELLED, EXPIRED -> EnumSet.noneOf(BookingStatus.class);
        };
    }

    public boolean canBecome(BookingStatus target) {
        return next().contains(target);
    }

    /** Holds a seat of its slot and counts against the citizen's limits. */
    public boolean isActive() {
        return this == HELD || this == CONFIRMED;
    }

    public boolean isTerminal() {
        return next().isEmpty();
    }

    /** Whether the citizen can still cancel or move it (before the cutoff). */
    public boolean isChangeable() {
        return this == HELD || this == CONFIRMED;
    }
}
