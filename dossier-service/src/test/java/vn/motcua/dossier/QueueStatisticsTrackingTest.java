package vn.motcua.dossier;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.motcua.testing.DevTokens;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static vn.motcua.dossier.Fixtures.as;

@QuarkusTest
class QueueStatisticsTrackingTest {

    @Test
    void the_work_queue_is_scoped_to_the_agency_filtered_sorted_and_paged() {
        String citizenId = Fixtures.unique("cd");
        String citizen = Fixtures.citizen(citizenId);
        String officerId = Fixtures.unique("cb");
        String officer = Fixtures.officer(officerId, Fixtures.BA_DINH);
        String received = Fixtures.receivedBirthRegistration(citizen, officer);
        String submitted = Fixtures.submittedBirthRegistration(citizen);
        as(officer).body(Map.of("stepName", "Thẩm định", "assigneeId", officerId)).post("/api/v1/dossiers/" + received + "/steps")
                .then().statusCode(200);
        String draft = Fixtures.draft(citizen, Fixtures.BIRTH);

        as(officer).get("/api/v1/dossiers?size=100&sort=-submittedAt").then().statusCode(200)
                .body("items.agencyCode", everyItem(equalTo(Fixtures.BA_DINH)))
                .body("items.id", hasItem(received)).body("items.id", hasItem(submitted)).body("items.id", not(hasItem(draft)));
        as(officer).get("/api/v1/dossiers?assignedToMe=true").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(received));
        as(officer).get("/api/v1/dossiers?status=SUBMITTED&size=100").then().statusCode(200)
                .body("items.status", everyItem(equalTo("SUBMITTED"))).body("items.id", hasItem(submitted));
        as(officer).queryParam("status", "PROCESSING,RECEIVED").queryParam("dueBefore", "2999-01-01T00:00:00+07:00")
                .queryParam("size", 100).get("/api/v1/dossiers").then()
                .statusCode(200).body("items.id", hasItem(received));
        as(Fixtures.officer(Fixtures.SO_TU_PHAP)).get("/api/v1/dossiers?size=100").then().statusCode(200)
                .body("items.id", not(hasItem(received)));
        assertThat(as(officer).get("/api/v1/dossiers?size=1&page=0").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(2)).extract().<List<?>>path("items")).hasSize(1);
        as(citizen).get("/api/v1/dossiers?size=2&page=1").then().statusCode(200).body("total", equalTo(3))
                .body("items", org.hamcrest.Matchers.hasSize(1));
        as(citizen).get("/api/v1/dossiers?size=2&page=5").then().statusCode(200).body("total", equalTo(3))
                .body("items", org.hamcrest.Matchers.hasSize(0));

        // a citizen's list holds their own, drafts included
        as(citizen).get("/api/v1/dossiers").then().statusCode(200).body("total", equalTo(3))
                .body("items.id", hasItem(draft));
        as(Fixtures.citizen(Fixtures.unique("cd"))).get("/api/v1/dossiers").then().body("total", equalTo(0));

        // bad input
        as(officer).get("/api/v1/dossiers?size=101").then().statusCode(400).body("violations[0].field", equalTo("size"));
        as(officer).get("/api/v1/dossiers?status=LOST").then().statusCode(400).body("violations[0].field", equalTo("status"));
        as(officer).get("/api/v1/dossiers?dueBefore=tomorrow").then().statusCode(400).body("violations[0].field", equalTo("dueBefore"));
        as(officer).get("/api/v1/dossiers?sort=applicantName").then().statusCode(400).body("violations[0].field", equalTo("sort"));
        given().get("/api/v1/dossiers").then().statusCode(401);
        as(DevTokens.subject("op", "postal-operator").sign()).get("/api/v1/dossiers").then().statusCode(403);
        // an officer token without an agency sees nothing rather than everything
        as(DevTokens.subject("cb-x", "officer").sign()).get("/api/v1/dossiers").then().statusCode(403);
    }

    @Test
    void statistics_come_from_daily_counters_and_are_agency_scoped() {
        String agencyOfficer = Fixtures.officer(Fixtures.BA_DINH);
        Map<String, Object> before = as(agencyOfficer).get("/api/v1/statistics?procedureCode=1.001193").then().statusCode(200)
                .extract().path("totals");
        String citizen = Fixtures.citizen(Fixtures.unique("cd"));
        String id = Fixtures.receivedBirthRegistration(citizen, agencyOfficer);
        as(agencyOfficer).body(Map.of("resultSummary", "Xong")).post("/api/v1/dossiers/" + id + "/resolve").then().statusCode(200);
        as(agencyOfficer).body("{}").post("/api/v1/dossiers/" + id + "/return").then().statusCode(200);
        as(citizen).body(Map.of("score", 4)).post("/api/v1/dossiers/" + id + "/rating").then().statusCode(200);

        Map<String, Object> after = as(agencyOfficer).get("/api/v1/statistics?procedureCode=1.001193").then().statusCode(200)
                .body("agencyCode", equalTo(Fixtures.BA_DINH)).extract().path("totals");
        for (String counter : List.of("submitted", "received", "resolved", "returned", "digitized", "ratingCount")) {
            assertThat(((Number) after.get(counter)).longValue() - ((Number) before.get(counter)).longValue())
                    .as(counter).isEqualTo(1);
        }
        assertThat(((Number) after.get("ratingSum")).longValue() - ((Number) before.get("ratingSum")).longValue()).isEqualTo(4);
        assertThat(((Number) after.get("resolvedEarly")).longValue() + ((Number) after.get("resolvedOnTime")).longValue()
                - ((Number) before.get("resolvedEarly")).longValue() - ((Number) before.get("resolvedOnTime")).longValue()).isEqualTo(1);
        as(agencyOfficer).get("/api/v1/statistics").then().statusCode(200)
                .body("onTimeRate", org.hamcrest.Matchers.notNullValue())
                .body("onlineRate", org.hamcrest.Matchers.notNullValue())
                .body("receivedByChannel.ONLINE", org.hamcrest.Matchers.greaterThanOrEqualTo(1));

        as(agencyOfficer).get("/api/v1/statistics?agencyCode=" + Fixtures.SO_TU_PHAP).then().statusCode(403);
        as(DevTokens.admin("ad-1")).get("/api/v1/statistics?agencyCode=" + Fixtures.SO_TU_PHAP).then().statusCode(200);
        as(Fixtures.portal()).get("/api/v1/statistics").then().statusCode(200).body("agencyCode", org.hamcrest.Matchers.nullValue());
        as(citizen).get("/api/v1/statistics").then().statusCode(403);
        as(agencyOfficer).get("/api/v1/statistics?from=2026-01-01&to=2025-01-01").then().statusCode(400);
        as(agencyOfficer).get("/api/v1/statistics?from=2020-01-01&to=2026-01-01").then().statusCode(400);
        as(agencyOfficer).get("/api/v1/statistics?from=yesterday").then().statusCode(400);
    }

    @Test
    void public_tracking_needs_the_code_and_a_second_factor_and_shows_no_personal_data() {
        String citizen = Fixtures.citizen(Fixtures.unique("cd"));
        String id = Fixtures.submittedBirthRegistration(citizen);
        var dossier = as(citizen).get("/api/v1/dossiers/" + id).then().extract();
        String code = dossier.path("code");
        String secret = dossier.path("trackingSecret");

        var tracked = given().queryParam("phone", "+84 912 345 678").get("/api/v1/tracking/" + code).then().statusCode(200)
                .body("code", equalTo(code)).body("status", equalTo("SUBMITTED")).body("portalStatus", equalTo(1))
                .body("procedureName", equalTo("Đăng ký khai sinh")).extract().asString();
        assertThat(tracked).doesNotContain("Nguyễn Văn An").doesNotContain("0912345678").doesNotContain("an.nguyen");
        given().queryParam("secret", secret).get("/api/v1/tracking/" + code).then().statusCode(200);
        given().queryParam("phone", "0900000000").get("/api/v1/tracking/" + code).then().statusCode(404);
        given().queryParam("secret", "WRONG").get("/api/v1/tracking/" + code).then().statusCode(404);
        given().queryParam("phone", "0912345678").get("/api/v1/tracking/000.00.12.H29-000101-9999").then().statusCode(404);
        given().get("/api/v1/tracking/" + code).then().statusCode(400);
    }
}
