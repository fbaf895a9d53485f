package vn.motcua.appointment.booking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.motcua.appointment.config.AppClock;
import vn.motcua.appointment.servicepoint.ServicePoint;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.contracts.appointment.AppointmentEvents;
import vn.motcua.contracts.common.Applicant;
import vn.motcua.contracts.events.Topics;
import vn.motcua.messaging.outbox.Outbox;

import java.time.OffsetDateTime;

/**
 * Booking events through the transactional outbox, keyed by the linked dossier id (else the booking id). They carry
 * the citizen's contact details and the place, so notification-service never calls back.
 */
@ApplicationScoped
public class BookingEvents {

    @Inject
    Outbox outbox;
    @Inject
    AppClock clock;

    public static AppointmentEvents.BookingRef ref(Booking booking, ServicePoint point) {
        String procedureName = point.procedure(booking.procedureCode).map(p -> p.procedureName).orElse(null);
        return new AppointmentEvents.BookingRef(booking.id.toString(), booking.code, booking.dossierId,
                new Applicant(booking.citizenId, booking.citizenName, booking.citizenEmail, booking.citizenPhone, "vi"),
                booking.procedureCode, procedureName, point.code, point.name, point.address,
                local(booking.slotStart), local(booking.slotEnd), booking.status.name());
    }

    public void created(Booking booking, ServicePoint point) {
        publish(booking, AppointmentEvents.BOOKING_CREATED, new AppointmentEvents.BookingCreated(ref(booking, point), clock.now()));
    }

    public void cancelled(Booking booking, ServicePoint point) {
        publish(booking, AppointmentEvents.BOOKING_CANCELLED, new AppointmentEvents.BookingCancelled(ref(booking, point),
                booking.cancelReason, booking.cancelReasonCode == null ? null : booking.cancelReasonCode.name(),
                booking.cancelledBy, booking.suspensionId == null ? null : booking.suspensionId.toString(),
                local(booking.cancelledAt)));
    }

    public void rescheduled(Booking booking, ServicePoint point, OffsetDateTime previousStart) {
        publish(booking, AppointmentEvents.BOOKING_RESCHEDULED,
                new AppointmentEvents.BookingRescheduled(ref(booking, point), local(previousStart), clock.now()));
    }

    public void checkedIn(Booking booking, ServicePoint point, String queueNumber) {
        publish(booking, AppointmentEvents.BOOKING_CHECKED_IN,
                new AppointmentEvents.BookingCheckedIn(ref(booking, point), queueNumber, local(booking.checkedInAt)));
    }

    public void noShow(Booking booking, ServicePoint point) {
        publish(booking, AppointmentEvents.BOOKING_NO_SHOW, new AppointmentEvents.BookingNoShow(ref(booking, point), clock.now()));
    }

    public void served(Booking booking, ServicePoint point, String counterCode, String officerId) {
        publish(booking, AppointmentEvents.BOOKING_SERVED,
                new AppointmentEvents.BookingServed(ref(booking, point), counterCode, officerId, clock.now()));
    }

    public void reminderDue(Booking booking, ServicePoint point, int hoursBefore) {
        publish(booking, AppointmentEvents.REMINDER_DUE, new AppointmentEvents.ReminderDue(ref(booking, point), hoursBefore,
                local(booking.slotStart.minusHours(hoursBefore))));
    }

    private void publish(Booking booking, String type, Object payload) {
        outbox.publish(Topics.APPOINTMENT, booking.eventKey(), type, payload);
    }

    static OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(WorkingCalendar.ZONE).toOffsetDateTime();
    }
}
