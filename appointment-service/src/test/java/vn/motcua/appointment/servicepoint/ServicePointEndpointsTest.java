package vn.motcua.appointment.servicepoint;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.motcua.appointment.support.Fixtures;
import vn.motcua.testing.DevTokens;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ServicePointEndpointsTest {

    private static final String BASE = "/api/v1/appointments/service-points";

    @Test
    void the_demo_service_points_are_public_with_their_procedures_and_hours() {
        given().when().get(BASE + "?procedureCode=2.000908&size=100").then().statusCode(200)
                .body("items.code", hasItems("BTR-TTPVHCC", "HN-STP-MC", "HN-BADINH-MC"));
        given().when().get(BASE + "/BTR-TTPVHCC").then().statusCode(200)
                .body("name", equalTo("Trung tâm Phục vụ hành chính công tỉnh Bến Tre"))
                .body("agencyCode", equalTo("000.10.25.H56"))
                .body("procedures.procedureCode", hasItems("1.001193", "2.000908"))
                .body("openingHours", hasSize(6))
                .body("openingHours[5].dayOfWeek", equalTo("SATURDAY"));
        given().when().get(BASE + "/HN-BADINH-MC").then().statusCode(200)
                .body("name", equalTo("Bộ phận một cửa UBND phường Ba Đình"))
                .body("counters.counterGroup", hasItems("A", "B"));
        given().when().get(BASE + "/BTR-TTPVHCC/capacity-policies").then().statusCode(200)
                .body("[0].seatPercent", equalTo(50)).body("[0].maxPerSlot", equalTo(2));
        given().when().get(BASE + "/NOPE").then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND"));
        given().when().get(BASE + "?size=101").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void only_an_admin_creates_service_points() {
        String code = Fixtures.servicePoint(4, 2);
        given().when().get(BASE + "/" + code).then().statusCode(200).body("procedures[0].slotMinutes", equalTo(30));
        Map<String, Object> body = Map.of("code", "T-DENIED");
        given().contentType(ContentType.JSON).body(body).when().post(BASE).then().statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON).body(body).when().post(BASE)
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(DevTokens.citizen("cd-001")).contentType(ContentType.JSON).body(body).when().post(BASE)
                .then().statusCode(403);
    }

    @Test
    void invalid_service_points_are_refused_with_the_field_at_fault() {
        String code = Fixtures.servicePoint(4, 2);
        Map<String, Object> valid = Map.of("code", Fixtures.unique("T-"), "name", "Điểm thử", "agencyCode", "000.00.12.H29",
                "provinceCode", "01", "address", "Hà Nội",
                "counters", List.of(Map.of("code", "Q01", "name", "Quầy 1", "counterGroup", "A")),
                "procedures", List.of(Map.of("procedureCode", "1.001193", "procedureName", "Đăng ký khai sinh",
                        "slotMinutes", 30, "publicQuota", 2, "internalQuota", 1, "counterGroup", "A")),
                "openingHours", List.of(Map.of("dayOfWeek", "MONDAY", "opens", "08:00", "closes", "17:00",
                        "breakStarts", "12:00", "breakEnds", "18:00")));
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(valid).when().post(BASE)
                .then().statusCode(400).body("code", equalTo("INVALID_OPENING_HOURS"));
        Map<String, Object> duplicate = new java.util.HashMap<>(valid);
        duplicate.put("code", code);
        duplicate.put("openingHours", List.of(Map.of("dayOfWeek", "MONDAY", "opens", "08:00", "closes", "17:00")));
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(duplicate).when().post(BASE)
                .then().statusCode(409).body("code", equalTo("SERVICE_POINT_EXISTS"));
        Map<String, Object> badDay = new java.util.HashMap<>(duplicate);
        badDay.put("openingHours", List.of(Map.of("dayOfWeek", "HOLIDAY", "opens", "08:00", "closes", "17:00")));
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(badDay).when().post(BASE)
                .then().statusCode(400).body("code", equalTo("UNKNOWN_ENUM_VALUE"));
        Map<String, Object> noSlot = new java.util.HashMap<>(duplicate);
        noSlot.put("code", "lower case");
        noSlot.put("procedures", List.of(Map.of("procedureCode", "1.001193", "procedureName", "x",
                "slotMinutes", 1, "publicQuota", -1, "internalQuota", 1, "counterGroup", "A")));
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body(noSlot).when().post(BASE)
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                // the index position in nested field names comes from platform/web's ProblemMappers.fieldOf
                .body("violations.field", hasItem("code"))
                .body("violations.field", hasItem(org.hamcrest.Matchers.containsString("slotMinutes")))
                .body("violations.field", hasItem(org.hamcrest.Matchers.containsString("publicQuota")));
        given().auth().oauth2(Fixtures.admin()).contentType(ContentType.JSON).body("{\"code\": ").when().post(BASE)
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void a_capacity_policy_reduces_the_seats_offered_from_its_date() {
        String code = Fixtures.servicePoint(6, 2);
        LocalDate day = Fixtures.workingDay(2);
        given().when().get("/api/v1/appointments/availability?procedureCode=1.001193&servicePointCode=" + code
                        + "&from=" + day + "&to=" + day)
                .then().statusCode(200).body("slots", hasSize(15)).body("slots.capacity", everyItem(equalTo(6)))
                .body("slots[0].start", startsWith(day + "T08:00:00+07:00"));
        Map<String, Object> policy = Map.of("effectiveFrom", day.toString(), "effectiveTo", day.toString(),
                "seatPercent", 50, "maxPerSlot", 2, "reason", "Phòng, chống dịch: 50% chỗ ngồi, tối đa 2 người");
        given().auth().oauth2(Fixtures.officerElsewhere()).contentType(ContentType.JSON).body(policy)
                .when().post(BASE + "/" + code + "/capacity-policies").then().statusCode(403).body("code", equalTo("NOT_YOUR_SERVICE_POINT"));
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON).body(policy)
                .when().post(BASE + "/" + code + "/capacity-policies").then().statusCode(201).body("id", notNullValue());
        given().when().get("/api/v1/appointments/availability?procedureCode=1.001193&servicePointCode=" + code
                        + "&from=" + day + "&to=" + day.plusDays(1))
                .then().statusCode(200)
                .body("slots.findAll { it.start.startsWith('" + day + "') }.capacity", everyItem(equalTo(2)))
                .body("slots.findAll { it.start.startsWith('" + day.plusDays(1) + "') }.capacity", everyItem(equalTo(6)));
    }

    @Test
    void a_closure_removes_its_days_from_availability_and_refuses_bookings_there() {
        String code = Fixtures.servicePoint(4, 2);
        LocalDate day = Fixtures.workingDay(3);
        given().auth().oauth2(Fixtures.officer()).contentType(ContentType.JSON)
                .body(Map.of("firstDay", day.toString(), "lastDay", day.toString(), "reason", "Sửa chữa trụ sở"))
                .when().post(BASE + "/" + code + "/closures").then().statusCode(201);
        given().when().get("/api/v1/appointments/availability?procedureCode=1.001193&servicePointCode=" + code
                        + "&from=" + day + "&to=" + day)
                .then().statusCode(200).body("slots", hasSize(0));
        Fixtures.hold(Fixtures.citizen()[1], code, Fixtures.at(day, "09:00")).statusCode(422)
                .body("code", equalTo("SERVICE_POINT_CLOSED")).body("detail", org.hamcrest.Matchers.containsString("Sửa chữa trụ sở"));
        given().when().get(BASE + "/" + code + "/closures").then().statusCode(200).body("reason", hasItem("Sửa chữa trụ sở"));
    }
}
