package vn.motcua.appointment.reminder;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.appointment.booking.BookingService;
import vn.motcua.appointment.support.EventLog;
import vn.motcua.appointment.support.Fixtures;
import vn.motcua.appointment.support.TestClock;
import vn.motcua.contracts.appointment.AppointmentEvents;
import vn.motcua.contracts.events.CloudEventCodec;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static vn.motcua.appointment.support.Fixtures.at;

@QuarkusTest
class ReminderAndNoShowTest {

    @Inject
    ReminderService reminders;
    @Inject
    BookingService bookings;

    @AfterEach
    void backToNow() {
        TestClock.reset();
    }

    @Test
    void reminders_are_due_24_and_2_hours_before_and_each_is_sent_once() throws Exception {
        String point = Fixtures.servicePoint(4, 2);
        OffsetDateTime start = at(Fixtures.workingDay(3), "09:00");
        String[] citizen = Fixtures.citizen();
        String id = Fixtures.book(citizen[1], point, start);

        TestClock.travelTo(start.minusHours(23));
        reminders.sendDue();
        reminders.sendDue(); // a second run (or a second instance) sends nothing more
        AppointmentEvents.ReminderDue dayBefore = CloudEventCodec.dataAs(
                EventLog.await(id, AppointmentEvents.REMINDER_DUE, 1).get(0).event(), AppointmentEvents.ReminderDue.class);
        assertThat(dayBefore.hoursBefore()).isEqualTo(24);
        assertThat(dayBefore.dueAt()).isEqualTo(start.minusHours(24));
        assertThat(dayBefore.booking().citizen().phone()).isEqualTo("0912345678");

        TestClock.travelTo(start.minusMinutes(90));
        reminders.sendDue();
        reminders.sendDue();
        List<Integer> hours = EventLog.await(id, AppointmentEvents.REMINDER_DUE, 2).stream()
                .map(r -> CloudEventCodec.dataAs(r.event(), AppointmentEvents.ReminderDue.class).hoursBefore()).toList();
        Thread.sleep(1500); // give a duplicate, if there were one, time to reach Kafka
        assertThat(EventLog.read(r -> r.key().equals(id) && r.event().type().equals(AppointmentEvents.REMINDER_DUE)))
                .hasSize(2);
        assertThat(hours).containsExactlyInAnyOrder(24, 2);
    }

    @Test
    void a_booking_confirmed_within_24_hours_gets_only_the_2_hour_reminder() throws Exception {
        String point = Fixtures.servicePoint(4, 2);
        LocalDate day = Fixtures.workingDay(2);
        TestClock.travelTo(at(day, "05:00"));
        String id = Fixtures.book(Fixtures.citizen()[1], point, at(day, "10:00"));
        TestClock.travelTo(at(day, "08:30"));
        reminders.sendDue();
        EventLog.await(id, AppointmentEvents.REMINDER_DUE, 1);
        Thread.sleep(1500);
        List<EventLog.Received> sent = EventLog.read(r -> r.key().equals(id) && r.event().type().equals(AppointmentEvents.REMINDER_DUE));
        assertThat(sent).hasSize(1);
        assertThat(CloudEventCodec.dataAs(sent.get(0).event(), AppointmentEvents.ReminderDue.class).hoursBefore()).isEqualTo(2);
    }

    @Test
    void a_confirmed_booking_never_checked_in_becomes_a_no_show_after_its_slot() {
        String point = Fixtures.servicePoint(4, 2);
        OffsetDateTime start = at(Fixtures.workingDay(2), "13:30");
        String[] citizen = Fixtures.citizen();
        String id = Fixtures.book(citizen[1], point, start);

        TestClock.travelTo(start.plusMinutes(45)); // slot ended at 14:00, grace 30 min not over
        bookings.markNoShows();
        given().auth().oauth2(citizen[1]).when().get("/api/v1/appointments/bookings/" + id).then().body("status", equalTo("CONFIRMED"));
        TestClock.travelTo(start.plusMinutes(61));
        bookings.markNoShows();
        given().auth().oauth2(citizen[1]).when().get("/api/v1/appointments/bookings/" + id).then().body("status", equalTo("NO_SHOW"));
        AppointmentEvents.BookingNoShow noShow = CloudEventCodec.dataAs(
                EventLog.await(id, AppointmentEvents.BOOKING_NO_SHOW, 1).get(0).event(), AppointmentEvents.BookingNoShow.class);
        assertThat(noShow.booking().status()).isEqualTo("NO_SHOW");
    }
}
