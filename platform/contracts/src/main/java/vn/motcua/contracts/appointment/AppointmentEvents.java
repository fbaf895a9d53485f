package vn.motcua.contracts.appointment;

import vn.motcua.contracts.common.Applicant;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Events of appointment-service on topic {@code appointment.events}, key = the linked dossier id, else the
 * booking id (suspensions: the suspension id).
 */
public final class AppointmentEvents {

    public static final String BOOKING_CREATED = "vn.motcua.appointment.booking-created.v1";
    public static final String BOOKING_CANCELLED = "vn.motcua.appointment.booking-cancelled.v1";
    public static final String BOOKING_RESCHEDULED = "vn.motcua.appointment.booking-rescheduled.v1";
    public static final String BOOKING_CHECKED_IN = "vn.motcua.appointment.booking-checked-in.v1";
    public static final String BOOKING_NO_SHOW = "vn.motcua.appointment.booking-no-show.v1";
    public static final String BOOKING_SERVED = "vn.motcua.appointment.booking-served.v1";
    public static final String REMINDER_DUE = "vn.motcua.appointment.reminder-due.v1";
    public static final String SUSPENSION_STARTED = "vn.motcua.appointment.suspension-started.v1";
    public static final String SUSPENSION_ENDED = "vn.motcua.appointment.suspension-ended.v1";
    public static final String EXCEPTION_APPROVED = "vn.motcua.appointment.exception-approved.v1";
    public static final String EXCEPTION_REJECTED = "vn.motcua.appointment.exception-rejected.v1";

    private AppointmentEvents() {
    }

    /** The booking after the event. {@code dossierId} is null for a booking not linked to a dossier. */
    public record BookingRef(
            String bookingId,
            String bookingCode,
            String dossierId,
            Applicant citizen,
            String procedureCode,
            String procedureName,
            String servicePointCode,
            String servicePointName,
            String servicePointAddress,
            OffsetDateTime slotStart,
            OffsetDateTime slotEnd,
            String status) {
    }

    public record BookingCreated(BookingRef booking, OffsetDateTime createdAt) {
    }

    /**
     * {@code suspensionId} is set when an intake suspension cancelled the booking. {@code reasonCode} is stable for
     * machines (CANCELLED_BY_CITIZEN, INTAKE_SUSPENDED, DOSSIER_REFUSED, ...; added within v1, may be absent in older
     * events), {@code reason} is the text for the citizen.
     */
    public record BookingCancelled(BookingRef booking, String reason, String reasonCode, String cancelledBy,
                                   String suspensionId, OffsetDateTime cancelledAt) {
    }

    public record BookingRescheduled(BookingRef booking, OffsetDateTime previousSlotStart, OffsetDateTime rescheduledAt) {
    }

    public record BookingCheckedIn(BookingRef booking, String queueNumber, OffsetDateTime checkedInAt) {
    }

    public record BookingNoShow(BookingRef booking, OffsetDateTime markedAt) {
    }

    public record BookingServed(BookingRef booking, String counterCode, String officerId, OffsetDateTime servedAt) {
    }

    /** Sent e.g. 24 h and 2 h before the slot. */
    public record ReminderDue(BookingRef booking, int hoursBefore, OffsetDateTime dueAt) {
    }

    /**
     * In-person intake stopped for a scope: {@code scopeType} SERVICE_POINT, ADMIN_UNIT or PROCEDURE with the codes.
     */
    public record SuspensionStarted(String suspensionId, String scopeType, List<String> scopeCodes,
                                    List<String> procedureCodes, OffsetDateTime startsAt, OffsetDateTime endsAt,
                                    String reason, String decidedBy, int bookingsCancelled) {
    }

    public record SuspensionEnded(String suspensionId, OffsetDateTime endedAt) {
    }

    public record ExceptionApproved(String exceptionId, String suspensionId, Applicant citizen, String reason,
                                    String decidedBy, OffsetDateTime decidedAt) {
    }

    public record ExceptionRejected(String exceptionId, String suspensionId, Applicant citizen, String reason,
                                    String decisionNote, String decidedBy, OffsetDateTime decidedAt) {
    }
}
