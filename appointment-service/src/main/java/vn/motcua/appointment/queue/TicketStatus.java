package vn.motcua.appointment.queue;

import java.util.EnumSet;
import java.util.Set;

/** A queue ticket: waiting, called to a counter (possibly again), then served or a no-show. */
public enum TicketStatus {
    WAITING, CALLED, SERVED, NO_SHOW;

    public Set<TicketStatus> next() {
        return switch (this) {
            case WAITING -> EnumSet.of(CALLED, NO_SHOW);
            case CALLED -> EnumSet.of(CALLED, SERVED, NO_SHOW);
            case SERVED, NO_SHOW -> EnumSet.noneOf(TicketStatus.class);
        };
    }

    public boolean canBecome(TicketStatus target) {
        return next().contains(target);
    }
}
