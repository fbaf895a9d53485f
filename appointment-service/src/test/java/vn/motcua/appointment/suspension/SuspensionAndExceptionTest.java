package vn.motcua.appointment.suspension;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.motcua.appointment.support.EventLog;
import vn.motcua.appointment.support.Fixtures;
import vn.motcua.contracts.appointment.AppointmentEvents;
import vn.motcua.contracts.events.CloudEventCodec;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static vn.motcua.appointment.support.Fixtures.at;

/** Suspension of in-person intake, the bookings it cancels, the refusals, and urgent exceptions decided by a leader. */
@QuarkusTest
class SuspensionAndExceptionTest {

    private static final String BASE = "/api/v1/appointments";
    private static final String REASON = "Phòng, chống dịch theo Quyết định số 123/QĐ-UBND";

    private static Map<String, Object> suspension(String scopeType, List<String> codes, LocalDate day, int days) {
        return Map.of("scopeType", scopeType, "scopeCodes", codes, "startsAt", at(day, "00:00").toString(),
                "endsAt", at(day.plusDays(days), "00:00").toString(), "reason", REASON);
    }

    @Test
    void a_suspension_cancels_bookings_inside_it_refuses_new_ones_and_a_leader_approved_exception_lets_one_through() {
        String point = Fixtures.servicePoint(4, 2);
        LocalDate day = Fixtures.workingDay(2);
        String[] booked = Fixtures.citizen();
        String[] holding = Fixtures.citizen();
        String confirmedId = Fixtures.book(booked[1], point, at(day, "09:00"));
        String heldId = Fixtures.hold(holding[1], point, at(day, "10:00")).statusCode(201).extract().path("id");
        String otherDayId = Fixtures.book(Fixtures.citizen()[1], point, at(Fixtures.workingDay(5), "09:00"));

        // who may suspend
        given().contentType(ContentType.JSON).body(suspension("SERVICE_POINT", List.of(point), day, 1))
                .when().post(BASE + "/suspensions").then().statusCode(401);
        given().auth().oauth2(booked[1]).contentType(ContentType.JSON).body(suspension("SERVICE_POINT", List.of(point), day, 1))
                .when().post(BASE + "/suspensions").then().statusCode(403);
        given().auth().oauth2(Fixtures.officerElsewhere()).contentType(ContentType.JSON).body(suspension("SERVICE_POINT", List.of(point), day, 1))
                .when().post(BASE + "/suspensions").then().statusCode(403).body("code", equalTo("NOT_YOUR_SERVICE_POINT"));
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON).body(Map.of("scopeType", "CITY",
                        "scopeCodes", List.of(point), "startsAt", at(day, "00:00").toString(), "endsAt", at(day, "23:00").toString(), "reason", "x"))
                .when().post(BASE + "/suspensions").then().statusCode(400).body("code", equalTo("UNKNOWN_ENUM_VALUE"));

        String suspensionId = given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body(suspension("SERVICE_POINT", List.of(point), day, 1))
                .when().post(BASE + "/suspensions").then().statusCode(201)
                .body("bookingsCancelled", equalTo(2)).body("servicePointCodes", equalTo(List.of(point)))
                .body("status", equalTo("ACTIVE")).extract().path("id");

        given().auth().oauth2(booked[1]).when().get(BASE + "/suspensions?size=100").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(suspensionId));
        given().when().get(BASE + "/suspensions").then().statusCode(401);
        given().auth().oauth2(booked[1]).when().get(BASE + "/bookings/" + confirmedId).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("suspensionId", equalTo(suspensionId))
                .body("cancelReason", containsString(REASON)).body("cancelReasonCode", equalTo("INTAKE_SUSPENDED"));
        given().auth().oauth2(holding[1]).when().get(BASE + "/bookings/" + heldId).then().body("status", equalTo("CANCELLED"));
        given().auth().oauth2(Fixtures.officer()).when().get(BASE + "/bookings/" + otherDayId).then().body("status", equalTo("CONFIRMED"));
        assertThat(Fixtures.remaining(point, at(day, "09:00"))).isEqualTo(4);

        AppointmentEvents.SuspensionStarted started = CloudEventCodec.dataAs(
                EventLog.await(suspensionId, AppointmentEvents.SUSPENSION_STARTED, 1).get(0).event(), AppointmentEvents.SuspensionStarted.class);
        assertThat(started.scopeType()).isEqualTo("SERVICE_POINT");
        assertThat(started.scopeCodes()).containsExactly(point);
        assertThat(started.bookingsCancelled()).isEqualTo(2);
        assertThat(started.decidedBy()).isEqualTo("cb-001");
        AppointmentEvents.BookingCancelled cancelled = CloudEventCodec.dataAs(
                EventLog.await(confirmedId, AppointmentEvents.BOOKING_CANCELLED, 1).get(0).event(), AppointmentEvents.BookingCancelled.class);
        assertThat(cancelled.suspensionId()).isEqualTo(suspensionId);
        assertThat(cancelled.reason()).contains(REASON);
        assertThat(cancelled.booking().citizen().email()).isEqualTo("an.nguyen@example.vn");

        // availability flags the slots; new bookings are refused pointing to online and postal channels
        given().when().get(BASE + "/availability?procedureCode=1.001193&servicePointCode=" + point + "&from=" + day + "&to=" + day)
                .then().statusCode(200).body("slots.suspended", everyItem(equalTo(true)))
                .body("slots.suspensionId", everyItem(equalTo(suspensionId)));
        String[] urgent = Fixtures.citizen();
        Fixtures.hold(urgent[1], point, at(day, "11:00")).statusCode(422).body("code", equalTo("INTAKE_SUSPENDED"))
                .body("detail", containsString("nộp hồ sơ trực tuyến")).body("detail", containsString("bưu chính"))
                .body("detail", containsString(suspensionId));

        // an urgent exception: requested by the citizen, decided by a leader of the agency
        String exceptionId = given().auth().oauth2(urgent[1]).contentType(ContentType.JSON)
                .body(Map.of("reason", "Cần giấy khai sinh gấp để làm thủ tục nhập viện cho con", "servicePointCode", point,
                        "procedureCode", Fixtures.PROCEDURE))
                .when().post(BASE + "/suspensions/" + suspensionId + "/exceptions").then().statusCode(201)
                .body("status", equalTo("REQUESTED")).body("citizenId", equalTo(urgent[0])).extract().path("id");
        given().auth().oauth2(Fixtures.citizen()[1]).when().get(BASE + "/exceptions/" + exceptionId).then().statusCode(404);
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON).body(Map.of("note", "đồng ý"))
                .when().post(BASE + "/exceptions/" + exceptionId + "/approval").then().statusCode(403);
        given().auth().oauth2(urgent[1]).contentType(ContentType.JSON).body(Map.of("note", "đồng ý"))
                .when().post(BASE + "/exceptions/" + exceptionId + "/approval").then().statusCode(403);
        given().auth().oauth2(Fixtures.leaderElsewhere()).contentType(ContentType.JSON).body(Map.of("note", "đồng ý"))
                .when().post(BASE + "/exceptions/" + exceptionId + "/approval").then().statusCode(404);
        given().auth().oauth2(Fixtures.leader()).contentType(ContentType.JSON).body(Map.of("note", "Trường hợp cấp bách, đồng ý"))
                .when().post(BASE + "/exceptions/" + exceptionId + "/approval").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("decidedBy", equalTo("ld-001"));
        given().auth().oauth2(Fixtures.leader()).contentType(ContentType.JSON).body(Map.of("note", "lại"))
                .when().post(BASE + "/exceptions/" + exceptionId + "/rejection").then().statusCode(409)
                .body("code", equalTo("EXCEPTION_ALREADY_DECIDED"));
        AppointmentEvents.ExceptionApproved approved = CloudEventCodec.dataAs(
                EventLog.await(suspensionId, AppointmentEvents.EXCEPTION_APPROVED, 1).get(0).event(), AppointmentEvents.ExceptionApproved.class);
        assertThat(approved.exceptionId()).isEqualTo(exceptionId);
        assertThat(approved.citizen().id()).isEqualTo(urgent[0]);

        String allowedId = Fixtures.hold(urgent[1], point, at(day, "11:00")).statusCode(201)
                .body("exceptionId", equalTo(exceptionId)).extract().path("id");
        given().auth().oauth2(urgent[1]).when().get(BASE + "/exceptions/" + exceptionId).then().statusCode(200)
                .body("bookingId", equalTo(allowedId));
        // the exception is that citizen's only
        Fixtures.hold(Fixtures.citizen()[1], point, at(day, "11:00")).statusCode(422).body("code", equalTo("INTAKE_SUSPENDED"));

        // an officer files for a citizen; the leader rejects it with a reason
        String[] walkIn = Fixtures.citizen();
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON).body(Map.of("reason", "Người cao tuổi"))
                .when().post(BASE + "/suspensions/" + suspensionId + "/exceptions").then().statusCode(400);
        String rejectedId = given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body(Map.of("reason", "Người cao tuổi không dùng được dịch vụ trực tuyến",
                        "citizen", Map.of("id", walkIn[0], "fullName", "Phạm Thị Dung", "phone", "0987654321")))
                .when().post(BASE + "/suspensions/" + suspensionId + "/exceptions").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Fixtures.leader()).contentType(ContentType.JSON).body("{}")
                .when().post(BASE + "/exceptions/" + rejectedId + "/rejection").then().statusCode(400);
        given().auth().oauth2(Fixtures.leader()).contentType(ContentType.JSON).body(Map.of("note", "Đề nghị nộp qua bưu chính"))
                .when().post(BASE + "/exceptions/" + rejectedId + "/rejection").then().statusCode(200).body("status", equalTo("REJECTED"));
        AppointmentEvents.ExceptionRejected rejected = CloudEventCodec.dataAs(
                EventLog.await(suspensionId, AppointmentEvents.EXCEPTION_REJECTED, 1).get(0).event(), AppointmentEvents.ExceptionRejected.class);
        assertThat(rejected.decisionNote()).isEqualTo("Đề nghị nộp qua bưu chính");
        assertThat(rejected.citizen().fullName()).isEqualTo("Phạm Thị Dung");
        Fixtures.hold(walkIn[1], point, at(day, "13:30")).statusCode(422).body("code", equalTo("INTAKE_SUSPENDED"));
        given().auth().oauth2(Fixtures.leader()).when().get(BASE + "/suspensions/" + suspensionId + "/exceptions").then()
                .statusCode(200).body("size()", equalTo(2));
        given().auth().oauth2(urgent[1]).when().get(BASE + "/suspensions/" + suspensionId + "/exceptions").then()
                .statusCode(200).body("size()", equalTo(1));

        // ending it early reopens booking
        given().auth().oauth2(Fixtures.officerElsewhere()).when().post(BASE + "/suspensions/" + suspensionId + "/end").then().statusCode(404);
        given().auth().oauth2(Fixtures.officer()).when().post(BASE + "/suspensions/" + suspensionId + "/end").then()
                .statusCode(200).body("status", equalTo("ENDED")).body("endedAt", notNullValue());
        given().auth().oauth2(Fixtures.officer()).when().post(BASE + "/suspensions/" + suspensionId + "/end").then()
                .statusCode(409).body("code", equalTo("SUSPENSION_NOT_ACTIVE"));
        EventLog.await(suspensionId, AppointmentEvents.SUSPENSION_ENDED, 1);
        Fixtures.hold(walkIn[1], point, at(day, "13:30")).statusCode(201);
    }

    @Test
    void an_admin_unit_suspension_for_some_procedures_leaves_the_others_bookable() {
        String commune = Fixtures.uniqueCommune();
        String point = Fixtures.servicePoint(4, 2, commune);
        LocalDate day = Fixtures.workingDay(4);
        String citizen = Fixtures.citizen()[1];
        Map<String, Object> body = new java.util.HashMap<>(suspension("ADMIN_UNIT", List.of(commune), day, 1));
        body.put("procedureCodes", List.of(Fixtures.OTHER_PROCEDURE));
        String id = given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(body)
                .when().post(BASE + "/suspensions").then().statusCode(201)
                .body("servicePointCodes", equalTo(List.of(point))).body("procedureCodes", equalTo(List.of(Fixtures.OTHER_PROCEDURE)))
                .extract().path("id");
        Fixtures.hold(citizen, point, Fixtures.OTHER_PROCEDURE, at(day, "09:00")).statusCode(422).body("code", equalTo("INTAKE_SUSPENDED"));
        Fixtures.hold(citizen, point, at(day, "09:00")).statusCode(201);
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(suspension("ADMIN_UNIT", List.of("bad code!"), day, 1))
                .when().post(BASE + "/suspensions").then().statusCode(400);
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON)
                .body(suspension("ADMIN_UNIT", List.of("00000"), day, 1))
                .when().post(BASE + "/suspensions").then().statusCode(422).body("code", equalTo("SUSPENSION_SCOPE_EMPTY"));
        given().auth().oauth2(Fixtures.admin()).when().post(BASE + "/suspensions/" + id + "/end").then().statusCode(200);
    }

    @Test
    void a_procedure_suspension_by_an_officer_covers_only_the_agency_s_points_serving_it() {
        String point = Fixtures.servicePoint(4, 2);
        LocalDate day = Fixtures.workingDay(25); // a day no other test books
        String id = given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body(suspension("PROCEDURE", List.of(Fixtures.OTHER_PROCEDURE), day, 1))
                .when().post(BASE + "/suspensions").then().statusCode(201)
                .body("procedureCodes", equalTo(List.of(Fixtures.OTHER_PROCEDURE)))
                .body("servicePointCodes", org.hamcrest.Matchers.hasItems(point, "HN-BADINH-MC"))
                .body("servicePointCodes", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("BTR-TTPVHCC")))
                .body("servicePointCodes", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("HN-STP-MC")))
                .extract().path("id");
        // ended at once so that no other test meets it
        given().auth().oauth2(Fixtures.officer()).when().post(BASE + "/suspensions/" + id + "/end").then().statusCode(200);
    }
}
