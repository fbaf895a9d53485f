package vn.motcua.appointment.support;

import io.quarkus.test.Mock;
import jakarta.enterprise.context.ApplicationScoped;
import vn.motcua.appointment.config.AppClock;
import vn.motcua.calendar.WorkingCalendar;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The service's clock in tests: the real time, or shifted so that "now" is a chosen moment (and keeps running from
 * there). Lets a test live the day of an appointment. Tests that shift it reset it afterwards.
 */
@Mock
@ApplicationScoped
public class TestClock extends AppClock {

    private static volatile Duration shift = Duration.ZERO;

    public static void travelTo(OffsetDateTime moment) {
        shift = Duration.between(OffsetDateTime.now(), moment);
    }

    public static void reset() {
        shift = Duration.ZERO;
    }

    @Override
    public Clock clock() {
        return Clock.offset(Clock.system(WorkingCalendar.ZONE), shift);
    }
}
