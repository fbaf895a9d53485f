package vn.motcua.appointment.booking;

import vn.motcua.web.problem.ApiException;

/** Refusals of a booking or a change to it, one class per stable code. */
public final class BookingProblems {

    private BookingProblems() {
    }

    public static class ActiveBookingExists extends ApiException {
        public ActiveBookingExists(String procedure, String code) {
            super(422, "ACTIVE_BOOKING_EXISTS", "You already have a booking",
                    "You already have active booking " + code + " for procedure " + procedure + "; cancel or reschedule it");
        }
    }

    public static class WeeklyLimit extends ApiException {
        public WeeklyLimit(int max) {
            super(422, "WEEKLY_BOOKING_LIMIT", "Weekly limit reached",
                    "At most " + max + " active bookings per citizen with slots in one week");
        }
    }

    public static class CutoffPassed extends ApiException {
        public CutoffPassed(String code, Object cutoff) {
            super(422, "CHANGE_CUTOFF_PASSED", "Too late to change",
                    "Booking " + code + " can be cancelled or rescheduled only until " + cutoff + " before its slot");
        }
    }

    public static class HoldExpired extends ApiException {
        public HoldExpired(String code) {
            super(409, "HOLD_EXPIRED", "Hold expired", "The seat held for booking " + code + " was released; book again");
        }
    }

    public static class CheckInNotOpen extends ApiException {
        public CheckInNotOpen(String code, Object opens, Object closes) {
            super(422, "CHECK_IN_NOT_OPEN", "Check-in not open",
                    "Booking " + code + " can be checked in between " + opens + " and " + closes);
        }
    }
}
