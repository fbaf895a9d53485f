package vn.motcua.appointment.booking;

import vn.motcua.web.problem.ApiException;
import vn.motcua.web.problem.Problem;

import java.util.List;

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

    /**
     * The dossier named is unknown or somebody else's: one answer for both, word for word, so that the answer never
     * tells whether another person's dossier exists.
     */
    public static class DossierNotLinkable extends ApiException {
        public DossierNotLinkable() {
            super(422, "DOSSIER_NOT_LINKABLE", "Dossier cannot be linked",
                    "The dossier is not one of your dossiers known to the appointment service. A dossier created or "
                            + "submitted in the last few seconds may not be known yet: try again shortly",
                    List.of(new Problem.Violation("dossierId", "not one of your dossiers")));
        }
    }

    /** The caller's own dossier has ended (refused, withdrawn, stopped, returned): no visit is needed for it. */
    public static class DossierClosed extends ApiException {
        public DossierClosed(String status) {
            super(422, "DOSSIER_CLOSED", "Dossier has ended",
                    "The dossier is " + status + ": its processing has ended, so a visit cannot be linked to it",
                    List.of(new Problem.Violation("dossierId", "dossier has ended (" + status + ")")));
        }
    }
}
