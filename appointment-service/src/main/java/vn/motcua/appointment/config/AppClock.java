package vn.motcua.appointment.config;

import jakarta.enterprise.context.ApplicationScoped;
import vn.motcua.calendar.WorkingCalendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The service's notion of "now", in Viet Nam time. One bean so that tests can run the day of an appointment
 * (check-in, no-shows, reminders) without waiting for it.
 */
@ApplicationScoped
public class AppClock {

    public Clock clock() {
        return Clock.system(WorkingCalendar.ZONE);
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock());
    }

    public LocalDate today() {
        return LocalDate.now(clock());
    }
}
