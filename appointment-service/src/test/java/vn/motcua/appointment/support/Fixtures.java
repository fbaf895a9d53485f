package vn.motcua.appointment.support;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.testing.DevTokens;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Test data made through the API, unique per test so tests never see each other's rows. */
public final class Fixtures {

    public static final String AGENCY = "000.00.12.H29";
    public static final String OTHER_AGENCY = "000.10.25.H56";
    public static final String PROCEDURE = "1.001193";
    public static final String OTHER_PROCEDURE = "2.000908";

    private Fixtures() {
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    public static String admin() {
        return DevTokens.admin("ad-1");
    }

    public static String officer() {
        return DevTokens.officer("cb-001", AGENCY);
    }

    public static String officerElsewhere() {
        return DevTokens.officer("cb-099", OTHER_AGENCY);
    }

    public static String leader() {
        return DevTokens.subject("ld-001", "leader", "officer").claim("agency", AGENCY).claim("name", "Lãnh đạo Phường").sign();
    }

    public static String leaderElsewhere() {
        return DevTokens.subject("ld-099", "leader", "officer").claim("agency", OTHER_AGENCY).sign();
    }

    /** A citizen of their own, with contact claims; returns {subject, token}. */
    public static String[] citizen() {
        String subject = unique("cd-");
        String token = DevTokens.subject(subject, "citizen").claim("name", "Nguyễn Văn An")
                .claim("email", "an.nguyen@example.vn").claim("phone", "0912345678").sign();
        return new String[]{subject, token};
    }

    /**
     * A service point of agency {@link #AGENCY} open Monday–Friday 08:00–17:00 with a break 12:00–13:30, serving
     * 1.001193 in 30-minute slots with the given quotas, two counters of group A.
     */
    public static String servicePoint(int publicQuota, int internalQuota) {
        return servicePoint(publicQuota, internalQuota, "00004");
    }

    /** A unique commune code, so that a suspension by administrative unit covers one test's point only. */
    public static String uniqueCommune() {
        return String.valueOf(90000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(10000));
    }

    /** As above, also serving 2.000908 (group B, counter Q03, quotas 2/1), in the given commune. */
    public static String servicePoint(int publicQuota, int internalQuota, String communeCode) {
        String code = unique("T-");
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of(
                        "code", code,
                        "name", "Bộ phận một cửa thử nghiệm " + code,
                        "agencyCode", AGENCY,
                        "provinceCode", "01",
                        "communeCode", communeCode,
                        "address", "Số 1 phố Thử Nghiệm, Hà Nội",
                        "counters", List.of(
                                Map.of("code", "Q01", "name", "Quầy 1", "counterGroup", "A"),
                                Map.of("code", "Q02", "name", "Quầy 2", "counterGroup", "A"),
                                Map.of("code", "Q03", "name", "Quầy 3", "counterGroup", "B")),
                        "procedures", List.of(Map.of("procedureCode", PROCEDURE, "procedureName", "Đăng ký khai sinh",
                                "slotMinutes", 30, "publicQuota", publicQuota, "internalQuota", internalQuota,
                                "counterGroup", "A"),
                                Map.of("procedureCode", OTHER_PROCEDURE, "procedureName", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
                                "slotMinutes", 30, "publicQuota", 2, "internalQuota", 1, "counterGroup", "B")),
                        "openingHours", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY").stream()
                                .map(day -> Map.of("dayOfWeek", day, "opens", "08:00", "closes", "17:00",
                                        "breakStarts", "12:00", "breakEnds", "13:30")).toList()))
                .when().post("/api/v1/appointments/service-points")
                .then().statusCode(201);
        return code;
    }

    /** The n-th working day (Monday–Friday, no public holiday) after today, n ≥ 1. */
    public static LocalDate workingDay(int n) {
        WorkingCalendar calendar = WorkingCalendar.vietnam();
        LocalDate day = LocalDate.now(WorkingCalendar.ZONE);
        int found = 0;
        while (found < n) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) {
                found++;
            }
        }
        return day;
    }

    /** How the API writes a time: ISO-8601 with seconds and the +07:00 offset. */
    public static String iso(OffsetDateTime time) {
        return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.atZoneSameInstant(WorkingCalendar.ZONE).toOffsetDateTime());
    }

    public static OffsetDateTime at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(WorkingCalendar.ZONE).toOffsetDateTime();
    }

    public static ValidatableResponse hold(String citizenToken, String point, OffsetDateTime start) {
        return hold(citizenToken, point, PROCEDURE, start);
    }

    public static ValidatableResponse hold(String citizenToken, String point, String procedure, OffsetDateTime start) {
        return given().auth().oauth2(citizenToken).contentType(ContentType.JSON)
                .body(Map.of("servicePointCode", point, "procedureCode", procedure, "slotStart", start.toString()))
                .when().post("/api/v1/appointments/bookings").then();
    }

    /**
     * Holds a seat for a visit linked to a dossier, which must be the citizen's own and known to the service
     * ({@link DossierFeed#knownDossierOf}).
     */
    public static ValidatableResponse holdFor(String dossierId, String citizenToken, String point, String procedure,
                                              OffsetDateTime start) {
        return given().auth().oauth2(citizenToken).contentType(ContentType.JSON)
                .body(Map.of("servicePointCode", point, "procedureCode", procedure, "slotStart", start.toString(),
                        "dossierId", dossierId))
                .when().post("/api/v1/appointments/bookings").then();
    }

    /** Remaining seats of a slot as availability shows it. */
    public static int remaining(String point, OffsetDateTime start) {
        LocalDate day = start.atZoneSameInstant(WorkingCalendar.ZONE).toLocalDate();
        List<Map<String, Object>> slots = given().when().get("/api/v1/appointments/availability?procedureCode=" + PROCEDURE
                + "&servicePointCode=" + point + "&from=" + day + "&to=" + day).then().statusCode(200).extract().path("slots");
        return slots.stream().filter(s -> OffsetDateTime.parse((String) s.get("start")).isEqual(start))
                .map(s -> (Integer) s.get("remaining")).findFirst().orElseThrow(() -> new AssertionError("no slot " + start));
    }

    /** Holds and confirms; returns the booking id. */
    public static String book(String citizenToken, String point, OffsetDateTime start) {
        return confirm(citizenToken, hold(citizenToken, point, start).statusCode(201).extract().path("id"));
    }

    /** Holds and confirms a visit linked to a dossier (the citizen's own, known); returns the booking id. */
    public static String bookFor(String dossierId, String citizenToken, String point, OffsetDateTime start) {
        return confirm(citizenToken, holdFor(dossierId, citizenToken, point, PROCEDURE, start).statusCode(201).extract().path("id"));
    }

    private static String confirm(String citizenToken, String id) {
        given().auth().oauth2(citizenToken).when().post("/api/v1/appointments/bookings/" + id + "/confirmation")
                .then().statusCode(200);
        return id;
    }
}
