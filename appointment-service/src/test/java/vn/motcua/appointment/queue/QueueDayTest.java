package vn.motcua.appointment.queue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.appointment.support.EventLog;
import vn.motcua.appointment.support.Fixtures;
import vn.motcua.appointment.support.TestClock;
import vn.motcua.contracts.appointment.AppointmentEvents;
import vn.motcua.contracts.events.CloudEventCodec;

import java.time.LocalDate;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static vn.motcua.appointment.support.Fixtures.at;

/** The day of the appointment: check-in, queue numbers, walk-ins, calling, served and no-shows. */
@QuarkusTest
class QueueDayTest {

    private static final String BOOKINGS = "/api/v1/appointments/bookings";
    private static final String QUEUE = "/api/v1/appointments/queue";

    @AfterEach
    void backToNow() {
        TestClock.reset();
    }

    @Test
    void check_in_issues_queue_numbers_per_counter_group_and_the_counters_work_through_them() {
        String point = Fixtures.servicePoint(2, 1);
        LocalDate day = Fixtures.workingDay(1);
        String[] first = Fixtures.citizen();
        String[] second = Fixtures.citizen();
        String firstBooking = Fixtures.book(first[1], point, at(day, "08:00"));
        String secondBooking = Fixtures.book(second[1], point, at(day, "08:00"));

        given().auth().oauth2(first[1]).when().post(BOOKINGS + "/" + firstBooking + "/check-in").then()
                .statusCode(422).body("code", equalTo("CHECK_IN_NOT_OPEN"));

        TestClock.travelTo(at(day, "07:30"));
        given().auth().oauth2(first[1]).when().post(BOOKINGS + "/" + firstBooking + "/check-in").then()
                .statusCode(201).body("number", equalTo("A001")).body("status", equalTo("WAITING"));
        given().auth().oauth2(first[1]).when().post(BOOKINGS + "/" + firstBooking + "/check-in").then()
                .statusCode(409).body("code", equalTo("ALREADY_CHECKED_IN"));
        given().auth().oauth2(Fixtures.citizen()[1]).when().post(BOOKINGS + "/" + secondBooking + "/check-in").then()
                .statusCode(404);
        given().auth().oauth2(Fixtures.officer()).when().post(BOOKINGS + "/" + secondBooking + "/check-in").then()
                .statusCode(201).body("number", equalTo("A002"));
        AppointmentEvents.BookingCheckedIn checkedIn = CloudEventCodec.dataAs(
                EventLog.await(firstBooking, AppointmentEvents.BOOKING_CHECKED_IN, 1).get(0).event(), AppointmentEvents.BookingCheckedIn.class);
        assertThat(checkedIn.queueNumber()).isEqualTo("A001");
        assertThat(checkedIn.booking().status()).isEqualTo("CHECKED_IN");

        // walk-ins: only while a slot runs, within its internal quota (1 here)
        Map<String, Object> walkIn = Map.of("procedureCode", Fixtures.PROCEDURE, "citizenName", "Trần Thị Bình");
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON).body(walkIn)
                .when().post(QUEUE + "/" + point + "/walk-ins").then().statusCode(422).body("code", equalTo("OUTSIDE_OPENING_HOURS"));
        TestClock.travelTo(at(day, "08:05"));
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON).body(walkIn)
                .when().post(QUEUE + "/" + point + "/walk-ins").then().statusCode(201).body("number", equalTo("A003"));
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON).body(walkIn)
                .when().post(QUEUE + "/" + point + "/walk-ins").then().statusCode(409).body("code", equalTo("WALK_IN_QUOTA_EXHAUSTED"));
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body(Map.of("procedureCode", Fixtures.OTHER_PROCEDURE, "citizenName", "Lê Văn Cường"))
                .when().post(QUEUE + "/" + point + "/walk-ins").then().statusCode(201).body("number", equalTo("B001"));

        // estimated waits: group A has two counters and 30-minute slots
        given().auth().oauth2(Fixtures.officer()).when().get(QUEUE + "/" + point).then().statusCode(200)
                .body("waiting", equalTo(4))
                .body("tickets.find { it.number == 'A001' }.estimatedWaitMinutes", equalTo(0))
                .body("tickets.find { it.number == 'A002' }.estimatedWaitMinutes", equalTo(30))
                .body("tickets.find { it.number == 'A003' }.estimatedWaitMinutes", equalTo(30))
                .body("tickets.find { it.number == 'B001' }.estimatedWaitMinutes", equalTo(0));

        String a001 = callNext(point, "Q01").body("number", equalTo("A001")).body("status", equalTo("CALLED"))
                .body("counterCode", equalTo("Q01")).extract().path("id");
        String a002 = callNext(point, "Q02").body("number", equalTo("A002")).extract().path("id");
        given().auth().oauth2(Fixtures.officer()).when().post(QUEUE + "/tickets/" + a001 + "/served").then()
                .statusCode(200).body("status", equalTo("SERVED"));
        given().auth().oauth2(first[1]).when().get(BOOKINGS + "/" + firstBooking).then().body("status", equalTo("SERVED"));
        AppointmentEvents.BookingServed served = CloudEventCodec.dataAs(
                EventLog.await(firstBooking, AppointmentEvents.BOOKING_SERVED, 1).get(0).event(), AppointmentEvents.BookingServed.class);
        assertThat(served.counterCode()).isEqualTo("Q01");
        assertThat(served.officerId()).isEqualTo("cb-001");

        // no-show only after three calls
        given().auth().oauth2(Fixtures.officer()).when().post(QUEUE + "/tickets/" + a002 + "/no-show").then()
                .statusCode(422).body("code", equalTo("NO_SHOW_TOO_EARLY"));
        given().auth().oauth2(Fixtures.officer()).when().post(QUEUE + "/tickets/" + a002 + "/recall").then().statusCode(200).body("calls", equalTo(2));
        given().auth().oauth2(Fixtures.officer()).when().post(QUEUE + "/tickets/" + a002 + "/recall").then().statusCode(200).body("calls", equalTo(3));
        given().auth().oauth2(Fixtures.officer()).when().post(QUEUE + "/tickets/" + a002 + "/recall").then()
                .statusCode(409).body("code", equalTo("CALL_LIMIT_REACHED"));
        given().auth().oauth2(Fixtures.officer()).when().post(QUEUE + "/tickets/" + a002 + "/no-show").then()
                .statusCode(200).body("status", equalTo("NO_SHOW"));
        given().auth().oauth2(Fixtures.officer()).when().post(QUEUE + "/tickets/" + a002 + "/served").then()
                .statusCode(409).body("code", equalTo("TICKET_WRONG_STATE"));
        given().auth().oauth2(second[1]).when().get(BOOKINGS + "/" + secondBooking).then().body("status", equalTo("NO_SHOW"));
        EventLog.await(secondBooking, AppointmentEvents.BOOKING_NO_SHOW, 1);

        callNext(point, "Q01").body("number", equalTo("A003"));
        callNext(point, "Q02").statusCode(409).body("code", equalTo("QUEUE_EMPTY"));
        callNext(point, "Q03").body("number", equalTo("B001"));
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON).body(Map.of("counterCode", "Q99"))
                .when().post(QUEUE + "/" + point + "/call-next").then().statusCode(404);
    }

    @Test
    void the_queue_belongs_to_the_officers_of_the_point_s_agency() {
        String point = Fixtures.servicePoint(2, 1);
        given().when().get(QUEUE + "/" + point).then().statusCode(401);
        given().auth().oauth2(Fixtures.citizen()[1]).when().get(QUEUE + "/" + point).then().statusCode(403);
        given().auth().oauth2(Fixtures.officerElsewhere()).when().get(QUEUE + "/" + point).then()
                .statusCode(403).body("code", equalTo("NOT_YOUR_SERVICE_POINT"));
        given().auth().oauth2(Fixtures.officerElsewhere()).contentType(ContentType.JSON).body(Map.of("counterCode", "Q01"))
                .when().post(QUEUE + "/" + point + "/call-next").then().statusCode(403);
        given().auth().oauth2(Fixtures.officer()).when().get(QUEUE + "/" + point).then().statusCode(200).body("waiting", equalTo(0));
        given().auth().oauth2(Fixtures.officer()).when().post(QUEUE + "/tickets/" + java.util.UUID.randomUUID() + "/served")
                .then().statusCode(404);
    }

    private static io.restassured.response.ValidatableResponse callNext(String point, String counter) {
        return given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON).body(Map.of("counterCode", counter))
                .when().post(QUEUE + "/" + point + "/call-next").then();
    }
}
