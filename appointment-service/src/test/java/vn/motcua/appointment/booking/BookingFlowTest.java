package vn.motcua.appointment.booking;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.appointment.support.DossierFeed;
import vn.motcua.appointment.support.EventLog;
import vn.motcua.appointment.support.Fixtures;
import vn.motcua.appointment.support.TestClock;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.contracts.appointment.AppointmentEvents;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static vn.motcua.appointment.support.Fixtures.at;

@QuarkusTest
class BookingFlowTest {

    private static final String BOOKINGS = "/api/v1/appointments/bookings";

    @Inject
    BookingService bookings;

    @AfterEach
    void backToNow() {
        TestClock.reset();
    }

    @Test
    void a_citizen_holds_then_confirms_and_booking_created_is_published_with_what_notifications_need() {
        String point = Fixtures.servicePoint(4, 2);
        OffsetDateTime start = at(Fixtures.workingDay(2), "09:00");
        String[] citizen = Fixtures.citizen();

        String id = Fixtures.hold(citizen[1], point, start).statusCode(201)
                .header("Location", containsString(BOOKINGS + "/"))
                .body("status", equalTo("HELD")).body("code", matchesPattern("LH[2-9A-HJ-NP-Z]{8}"))
                .body("holdExpiresAt", notNullValue()).body("slotStart", equalTo(Fixtures.iso(start)))
                .body("servicePointName", containsString("Bộ phận một cửa thử nghiệm"))
                .extract().path("id");
        assertThat(Fixtures.remaining(point, start)).isEqualTo(3);

        given().auth().oauth2(citizen[1]).when().post(BOOKINGS + "/" + id + "/confirmation").then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("holdExpiresAt", nullValue());

        CloudEvent event = EventLog.await(id, AppointmentEvents.BOOKING_CREATED, 1).get(0).event();
        assertThat(event.source()).isEqualTo("/appointment-service");
        assertThat(event.subject()).isEqualTo(id);
        assertThat(event.datacontenttype()).isEqualTo("application/json");
        AppointmentEvents.BookingCreated created = CloudEventCodec.dataAs(event, AppointmentEvents.BookingCreated.class);
        assertThat(created.booking().bookingId()).isEqualTo(id);
        assertThat(created.booking().status()).isEqualTo("CONFIRMED");
        assertThat(created.booking().citizen().id()).isEqualTo(citizen[0]);
        assertThat(created.booking().citizen().fullName()).isEqualTo("Nguyễn Văn An");
        assertThat(created.booking().citizen().email()).isEqualTo("an.nguyen@example.vn");
        assertThat(created.booking().citizen().phone()).isEqualTo("0912345678");
        assertThat(created.booking().procedureName()).isEqualTo("Đăng ký khai sinh");
        assertThat(created.booking().servicePointCode()).isEqualTo(point);
        assertThat(created.booking().slotStart()).isEqualTo(start);
        assertThat(created.booking().slotStart().getOffset().getTotalSeconds()).isEqualTo(7 * 3600);
        assertThat(created.booking().slotEnd()).isEqualTo(start.plusMinutes(30));
        assertThat(created.booking().dossierId()).isNull();
    }

    @Test
    void a_booking_is_visible_to_its_citizen_and_the_point_s_officers_only() {
        String point = Fixtures.servicePoint(4, 2);
        String[] owner = Fixtures.citizen();
        String id = Fixtures.book(owner[1], point, at(Fixtures.workingDay(2), "09:30"));
        String stranger = Fixtures.citizen()[1];

        given().auth().oauth2(owner[1]).when().get(BOOKINGS + "/" + id).then().statusCode(200).body("status", equalTo("CONFIRMED"));
        given().auth().oauth2(Fixtures.officer()).when().get(BOOKINGS + "/" + id).then().statusCode(200);
        given().auth().oauth2(stranger).when().get(BOOKINGS + "/" + id).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().auth().oauth2(Fixtures.officerElsewhere()).when().get(BOOKINGS + "/" + id).then().statusCode(404);
        given().when().get(BOOKINGS + "/" + id).then().statusCode(401);
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body("{}")
                .when().post(BOOKINGS + "/" + id + "/cancellation").then().statusCode(404);
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body(Map.of("slotStart", at(Fixtures.workingDay(2), "10:00").toString()))
                .when().post(BOOKINGS + "/" + id + "/reschedule").then().statusCode(404);
        given().auth().oauth2(stranger).when().post(BOOKINGS + "/" + id + "/confirmation").then().statusCode(404);
        given().auth().oauth2(owner[1]).when().get(BOOKINGS + "/not-a-uuid").then().statusCode(404);

        given().auth().oauth2(owner[1]).when().get(BOOKINGS).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id));
        given().auth().oauth2(stranger).when().get(BOOKINGS).then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(Fixtures.officer()).when().get(BOOKINGS + "?servicePointCode=" + point).then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(id));
        given().auth().oauth2(Fixtures.officerElsewhere()).when().get(BOOKINGS + "?servicePointCode=" + point).then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void only_citizens_book() {
        String point = Fixtures.servicePoint(4, 2);
        OffsetDateTime start = at(Fixtures.workingDay(2), "10:00");
        Fixtures.hold(Fixtures.officer(), point, start).statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().contentType(ContentType.JSON).body(Map.of("servicePointCode", point))
                .when().post(BOOKINGS).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void a_booking_linked_to_a_dossier_is_keyed_by_the_dossier_id() {
        String point = Fixtures.servicePoint(4, 2);
        String[] citizen = Fixtures.citizen();
        String dossierId = DossierFeed.knownDossierOf(citizen[0]);
        String id = given().auth().oauth2(citizen[1]).contentType(ContentType.JSON)
                .body(Map.of("servicePointCode", point, "procedureCode", Fixtures.PROCEDURE,
                        "slotStart", at(Fixtures.workingDay(2), "14:00").toString(), "dossierId", dossierId))
                .when().post(BOOKINGS).then().statusCode(201).body("dossierId", equalTo(dossierId)).extract().path("id");
        given().auth().oauth2(citizen[1]).when().post(BOOKINGS + "/" + id + "/confirmation").then().statusCode(200);
        AppointmentEvents.BookingCreated created = CloudEventCodec.dataAs(
                EventLog.await(dossierId, AppointmentEvents.BOOKING_CREATED, 1).get(0).event(), AppointmentEvents.BookingCreated.class);
        assertThat(created.booking().bookingId()).isEqualTo(id);
        assertThat(created.booking().dossierId()).isEqualTo(dossierId);
    }

    @Test
    void impossible_slots_are_refused_with_stable_codes() {
        String point = Fixtures.servicePoint(4, 2);
        String citizen = Fixtures.citizen()[1];
        LocalDate day = Fixtures.workingDay(2);
        OffsetDateTime now = OffsetDateTime.now(WorkingCalendar.ZONE).withSecond(0).withNano(0);

        Fixtures.hold(citizen, point, now.minusHours(1)).statusCode(422).body("code", equalTo("SLOT_IN_PAST"));
        Fixtures.hold(citizen, point, now.plusMinutes(30)).statusCode(422).body("code", equalTo("MINIMUM_NOTICE_NOT_MET"));
        Fixtures.hold(citizen, point, at(Fixtures.workingDay(40), "09:00")).statusCode(422).body("code", equalTo("BEYOND_BOOKING_HORIZON"));
        Fixtures.hold(citizen, point, at(day, "09:15")).statusCode(422).body("code", equalTo("OUTSIDE_OPENING_HOURS"));
        Fixtures.hold(citizen, point, at(day, "12:00")).statusCode(422).body("code", equalTo("OUTSIDE_OPENING_HOURS"));
        Fixtures.hold(citizen, point, at(day, "17:00")).statusCode(422).body("code", equalTo("OUTSIDE_OPENING_HOURS"));
        Fixtures.hold(citizen, point, at(day, "07:30")).statusCode(422).body("code", equalTo("OUTSIDE_OPENING_HOURS"));
        LocalDate saturday = day.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        Fixtures.hold(citizen, point, at(saturday, "09:00")).statusCode(422).body("code", equalTo("SERVICE_POINT_CLOSED"));
        Fixtures.hold(citizen, point, "1.000001", at(day, "09:00")).statusCode(422).body("code", equalTo("PROCEDURE_NOT_SERVED"));
        Fixtures.hold(citizen, "T-NO-SUCH-POINT", at(day, "09:00")).statusCode(404);

        given().auth().oauth2(citizen).contentType(ContentType.JSON).body("{\"servicePointCode\": \"" + point)
                .when().post(BOOKINGS).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(citizen).contentType(ContentType.JSON)
                .body(Map.of("servicePointCode", point, "procedureCode", Fixtures.PROCEDURE, "slotStart", "tomorrow morning"))
                .when().post(BOOKINGS).then().statusCode(400).body("code", equalTo("INVALID_FIELD_TYPE"));
        given().auth().oauth2(citizen).contentType(ContentType.JSON)
                .body(Map.of("servicePointCode", point, "procedureCode", Fixtures.PROCEDURE))
                .when().post(BOOKINGS).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("violations[0].field", equalTo("slotStart"));
        // nothing was taken by the refusals
        assertThat(Fixtures.remaining(point, at(day, "09:00"))).isEqualTo(4);
    }

    @Test
    void per_citizen_limits_one_active_booking_per_procedure_and_a_weekly_maximum() {
        String point = Fixtures.servicePoint(4, 2);
        String citizen = Fixtures.citizen()[1];
        LocalDate day = Fixtures.workingDay(2);
        LocalDate monday = day.with(DayOfWeek.MONDAY);
        // two days of the same week the service point is open (tests run on any weekday)
        LocalDate first = WorkingCalendar.vietnam().isWorkingDay(day) ? day : Fixtures.workingDay(3);
        Fixtures.book(citizen, point, at(first, "08:00"));
        Fixtures.hold(citizen, point, at(first, "08:30")).statusCode(422).body("code", equalTo("ACTIVE_BOOKING_EXISTS"));
        Fixtures.hold(citizen, point, Fixtures.OTHER_PROCEDURE, at(first, "08:30")).statusCode(201);
        // test profile: at most 2 active bookings in a week
        String otherPoint = Fixtures.servicePoint(4, 2);
        Fixtures.hold(citizen, otherPoint, at(first, "09:00")).statusCode(422).body("code", equalTo("WEEKLY_BOOKING_LIMIT"));
        assertThat(monday).isBeforeOrEqualTo(first);
    }

    @Test
    void reschedule_moves_the_seat_and_cancel_gives_it_back_until_the_cutoff() {
        String point = Fixtures.servicePoint(4, 2);
        String[] citizen = Fixtures.citizen();
        LocalDate day = Fixtures.workingDay(2);
        OffsetDateTime nine = at(day, "09:00");
        OffsetDateTime ten = at(day, "10:00");
        String id = Fixtures.book(citizen[1], point, nine);
        assertThat(Fixtures.remaining(point, nine)).isEqualTo(3);

        int version = given().auth().oauth2(citizen[1]).when().get(BOOKINGS + "/" + id).then().extract().path("version");
        given().auth().oauth2(citizen[1]).contentType(ContentType.JSON).body(Map.of("slotStart", ten.toString(), "version", version + 7))
                .when().post(BOOKINGS + "/" + id + "/reschedule").then().statusCode(409).body("code", equalTo("VERSION_CONFLICT"));
        given().auth().oauth2(citizen[1]).contentType(ContentType.JSON).body(Map.of("slotStart", at(day, "10:10").toString()))
                .when().post(BOOKINGS + "/" + id + "/reschedule").then().statusCode(422).body("code", equalTo("OUTSIDE_OPENING_HOURS"));
        given().auth().oauth2(citizen[1]).contentType(ContentType.JSON).body(Map.of("slotStart", ten.toString(), "version", version))
                .when().post(BOOKINGS + "/" + id + "/reschedule").then().statusCode(200)
                .body("slotStart", equalTo(Fixtures.iso(ten))).body("status", equalTo("CONFIRMED"));
        assertThat(Fixtures.remaining(point, nine)).isEqualTo(4);
        assertThat(Fixtures.remaining(point, ten)).isEqualTo(3);
        AppointmentEvents.BookingRescheduled moved = CloudEventCodec.dataAs(
                EventLog.await(id, AppointmentEvents.BOOKING_RESCHEDULED, 1).get(0).event(), AppointmentEvents.BookingRescheduled.class);
        assertThat(moved.previousSlotStart()).isEqualTo(nine);
        assertThat(moved.booking().slotStart()).isEqualTo(ten);

        TestClock.travelTo(ten.minusMinutes(90)); // inside the 2 h cutoff
        given().auth().oauth2(citizen[1]).contentType(ContentType.JSON).body(Map.of("reason", "Bận việc"))
                .when().post(BOOKINGS + "/" + id + "/cancellation").then().statusCode(422).body("code", equalTo("CHANGE_CUTOFF_PASSED"));
        TestClock.reset();

        given().auth().oauth2(citizen[1]).contentType(ContentType.JSON).body(Map.of("reason", "Bận việc đột xuất"))
                .when().post(BOOKINGS + "/" + id + "/cancellation").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("Bận việc đột xuất"))
                .body("cancelReasonCode", equalTo("CANCELLED_BY_CITIZEN"));
        assertThat(Fixtures.remaining(point, ten)).isEqualTo(4);
        given().auth().oauth2(citizen[1]).contentType(ContentType.JSON).body("{}")
                .when().post(BOOKINGS + "/" + id + "/cancellation").then().statusCode(409).body("code", equalTo("BOOKING_WRONG_STATE"));
        CloudEvent cancellation = EventLog.await(id, AppointmentEvents.BOOKING_CANCELLED, 1).get(0).event();
        AppointmentEvents.BookingCancelled cancelled = CloudEventCodec.dataAs(cancellation, AppointmentEvents.BookingCancelled.class);
        assertThat(cancelled.reason()).isEqualTo("Bận việc đột xuất");
        assertThat(cancellation.data().path("reasonCode").asText()).isEqualTo("CANCELLED_BY_CITIZEN");
        assertThat(cancelled.cancelledBy()).isEqualTo(citizen[0]);
        assertThat(cancelled.suspensionId()).isNull();
        assertThat(cancelled.booking().status()).isEqualTo("CANCELLED");
    }

    @Test
    void an_unconfirmed_hold_is_released_after_the_hold_time() {
        String point = Fixtures.servicePoint(4, 2);
        String citizen = Fixtures.citizen()[1];
        OffsetDateTime start = at(Fixtures.workingDay(2), "11:00");
        String id = Fixtures.hold(citizen, point, start).statusCode(201).extract().path("id");
        assertThat(Fixtures.remaining(point, start)).isEqualTo(3);

        TestClock.travelTo(OffsetDateTime.now().plusMinutes(11));
        given().auth().oauth2(citizen).when().post(BOOKINGS + "/" + id + "/confirmation").then().statusCode(409)
                .body("code", equalTo("HOLD_EXPIRED"));
        assertThat(bookings.releaseExpiredHolds()).isGreaterThanOrEqualTo(1);
        TestClock.reset();

        given().auth().oauth2(citizen).when().get(BOOKINGS + "/" + id).then().statusCode(200).body("status", equalTo("EXPIRED"));
        assertThat(Fixtures.remaining(point, start)).isEqualTo(4);
        // the expired hold no longer counts against the citizen
        Fixtures.hold(citizen, point, start).statusCode(201);
    }

    @Test
    void a_replayed_idempotency_key_returns_the_first_booking_and_takes_one_seat() {
        String point = Fixtures.servicePoint(4, 2);
        String citizen = Fixtures.citizen()[1];
        OffsetDateTime start = at(Fixtures.workingDay(2), "15:00");
        Map<String, Object> body = Map.of("servicePointCode", point, "procedureCode", Fixtures.PROCEDURE, "slotStart", start.toString());
        String key = Fixtures.unique("idem-");
        String first = given().auth().oauth2(citizen).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post(BOOKINGS).then().statusCode(201).extract().path("id");
        given().auth().oauth2(citizen).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post(BOOKINGS).then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        assertThat(Fixtures.remaining(point, start)).isEqualTo(3);
        given().auth().oauth2(citizen).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("servicePointCode", point, "procedureCode", Fixtures.PROCEDURE, "slotStart", start.plusHours(1).toString()))
                .when().post(BOOKINGS).then().statusCode(409).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
    }
}
