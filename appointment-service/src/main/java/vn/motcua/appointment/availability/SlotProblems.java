package vn.motcua.appointment.availability;

import vn.motcua.web.problem.ApiException;

/** Refusals of a requested slot, each with its stable code. */
public final class SlotProblems {

    private SlotProblems() {
    }

    public static class ProcedureNotServed extends ApiException {
        public ProcedureNotServed(String servicePoint, String procedure) {
            super(422, "PROCEDURE_NOT_SERVED", "Procedure not served here",
                    "Service point " + servicePoint + " does not receive procedure " + procedure);
        }
    }

    public static class SlotInPast extends ApiException {
        public SlotInPast(Object start) {
            super(422, "SLOT_IN_PAST", "Slot in the past", "The slot starting " + start + " has already begun");
        }
    }

    public static class MinimumNotice extends ApiException {
        public MinimumNotice(Object start, Object notice) {
            super(422, "MINIMUM_NOTICE_NOT_MET", "Too short notice",
                    "The slot starting " + start + " must be booked at least " + notice + " ahead");
        }
    }

    public static class BeyondHorizon extends ApiException {
        public BeyondHorizon(Object start, int days) {
            super(422, "BEYOND_BOOKING_HORIZON", "Too far ahead",
                    "Slots can be booked up to " + days + " days ahead; " + start + " is later");
        }
    }

    public static class ServicePointClosed extends ApiException {
        public ServicePointClosed(String servicePoint, Object day, String reason) {
            super(422, "SERVICE_POINT_CLOSED", "Closed that day", servicePoint + " does not receive on " + day + " (" + reason + ")");
        }
    }

    public static class OutsideOpeningHours extends ApiException {
        public OutsideOpeningHours(String servicePoint, Object start) {
            super(422, "OUTSIDE_OPENING_HOURS", "Not a slot of this service point",
                    start + " is not the start of a slot within the opening hours of " + servicePoint);
        }
    }

    public static class SlotFull extends ApiException {
        public SlotFull(Object start) {
            super(409, "SLOT_FULL", "Slot full", "No seat is left in the slot starting " + start);
        }
    }

    public static class WalkInQuotaUsed extends ApiException {
        public WalkInQuotaUsed(Object start) {
            super(409, "WALK_IN_QUOTA_EXHAUSTED", "Walk-in quota used",
                    "The walk-in seats of the slot starting " + start + " are all taken");
        }
    }
}
