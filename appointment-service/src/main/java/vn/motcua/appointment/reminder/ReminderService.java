package vn.motcua.appointment.reminder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.motcua.appointment.booking.Booking;
import vn.motcua.appointment.booking.BookingEvents;
import vn.motcua.appointment.config.AppClock;
import vn.motcua.appointment.config.AppointmentConfig;
import vn.motcua.appointment.servicepoint.ServicePoint;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Reminder-due events for notification-service, e.g. 24 h and 2 h before a confirmed slot. Each is sent once: the
 * (booking, hours) row in {@code reminder_sent} is inserted in the same transaction as the outbox event, and only
 * the transaction that inserted it publishes (another instance running the job at the same moment inserts nothing).
 * A reminder whose moment had already passed when the booking was confirmed is skipped (booked 5 h ahead: only
 * the 2 h reminder).
 */
@ApplicationScoped
@Transactional
public class ReminderService {

    @Inject
    EntityManager entityManager;
    @Inject
    BookingEvents events;
    @Inject
    AppointmentConfig config;
    @Inject
    AppClock clock;

    public int sendDue() {
        OffsetDateTime now = clock.now();
        int sent = 0;
        for (int hours : config.reminders().hoursBefore()) {
            @SuppressWarnings("unchecked")
            List<UUID> due = entityManager.createNativeQuery("""
                            select b.id from booking b
                            where b.status = 'CONFIRMED' and b.slot_start > cast(?1 as timestamptz)
                              and b.slot_start <= cast(?1 as timestamptz) + make_interval(hours => cast(?2 as integer))
                              and b.confirmed_at <= b.slot_start - make_interval(hours => cast(?2 as integer))
                              and not exists (select 1 from reminder_sent r where r.booking_id = b.id and r.hours_before = cast(?2 as integer))
                            order by b.slot_start limit 500""", UUID.class)
                    .setParameter(1, now).setParameter(2, hours).getResultList();
            for (UUID id : due) {
                int inserted = entityManager.createNativeQuery("""
                                insert into reminder_sent (booking_id, hours_before, sent_at) values (?1, ?2, ?3)
                                on conflict do nothing""")
                        .setParameter(1, id).setParameter(2, hours).setParameter(3, now).executeUpdate();
                if (inserted == 1) {
                    Booking booking = Booking.findById(id);
                    events.reminderDue(booking, ServicePoint.findById(booking.servicePointId), hours);
                    sent++;
                }
            }
        }
        return sent;
    }
}
