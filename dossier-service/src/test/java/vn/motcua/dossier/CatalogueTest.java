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
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static vn.motcua.dossier.Fixtures.as;

@QuarkusTest
class CatalogueTest {

    @Test
    void seeded_catalogue_is_public_with_fees_documents_and_return_methods() {
        given().get("/api/v1/procedures?size=100").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(20))
                .body("items.code", hasItem("1.001193"))
                .body("items.code", hasItem("2.000908"));
        given().get("/api/v1/procedures/2.000908").then().statusCode(200)
                .body("name", equalTo("Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam"))
                .body("processingDays", equalTo(10))
                .body("feeTotalVnd", equalTo(200000))
                .body("fees[0].amountVnd", equalTo(200000))
                .body("agencyCode", equalTo("000.21.27.H29"))
                .body("agencyName", equalTo("Sở Tư pháp thành phố Hà Nội"))
                .body("returnMethods", hasItem("POST"))
                .body("requiredDocuments.code", hasItem("TK"));
        given().get("/api/v1/procedures/1.001193").then().statusCode(200)
                .body("feeTotalVnd", equalTo(0)).body("processingDays", equalTo(1)).body("onlineLevel", equalTo("FULL"));
        given().get("/api/v1/procedures/9.999999").then().statusCode(404).body("code", equalTo("PROCEDURE_NOT_FOUND"));
    }

    @Test
    void search_finds_with_and_without_diacritics() {
        for (String q : List.of("dang ky khai sinh", "Đăng ký khai sinh", "KHAI SINH dang ky", "1.001193")) {
            given().queryParam("q", q).get("/api/v1/procedures").then().statusCode(200)
                    .body("items.code", hasItem("1.001193"));
        }
        given().queryParam("q", "ly lich tu phap").get("/api/v1/procedures").then().statusCode(200)
                .body("items.code", hasItem("2.000908")).body("items.code", not(hasItem("1.001193")));
        given().queryParam("q", "%").get("/api/v1/procedures").then().statusCode(200).body("total", equalTo(0));
        given().queryParam("sector", "Hộ tịch").queryParam("onlineLevel", "full").get("/api/v1/procedures").then()
                .statusCode(200).body("items.sector", everyItem(equalTo("Hộ tịch")))
                .body("items.onlineLevel", everyItem(equalTo("FULL")));
        given().queryParam("agencyCode", "000.21.27.H29").get("/api/v1/procedures").then().statusCode(200)
                .body("items.agencyCode", everyItem(equalTo("000.21.27.H29")));
    }

    @Test
    void bad_filters_and_huge_pages_are_400() {
        given().queryParam("size", 1000).get("/api/v1/procedures").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("violations[0].field", equalTo("size"));
        given().queryParam("onlineLevel", "LEVEL4").get("/api/v1/procedures").then().statusCode(400)
                .body("violations[0].field", equalTo("onlineLevel"));
        given().queryParam("page", -1).get("/api/v1/procedures").then().statusCode(400);
    }

    @Test
    void a_page_whose_offset_overflows_an_int_is_the_clients_mistake_not_a_server_error() {
        // page * size as an int wrapped to a negative offset that Hibernate refused: a 500 anyone could provoke, which
        // the gateway counted against dossier-service's circuit breaker
        given().queryParam("page", 21474837).queryParam("size", 100).get("/api/v1/procedures").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED")).body("violations[0].field", equalTo("page"));
        given().queryParam("page", Integer.MAX_VALUE).get("/api/v1/procedures").then().statusCode(400);
    }

    @Test
    void admin_writes_the_catalogue_and_others_may_not() {
        String code = "1.9" + String.format("%05d", (int) (Math.random() * 99999));
        Map<String, Object> body = Fixtures.map("code", code, "name", "Cấp giấy phép thử nghiệm", "sector", "Thử nghiệm",
                "agencyLevel", "COMMUNE", "agencyCode", "000.00.12.H29", "onlineLevel", "FULL", "processingDays", 5,
                "inPersonRequired", false, "returnMethods", List.of("COUNTER", "ELECTRONIC"),
                "fees", List.of(Map.of("code", "LP", "name", "Lệ phí", "amountVnd", 50000)),
                "requiredDocuments", List.of(Map.of("code", "TK", "name", "Tờ khai", "mandatory", true,
                        "acceptedContentTypes", List.of("application/pdf"), "maxSizeBytes", 1024)));
        given().contentType("application/json").body(body).post("/api/v1/procedures").then().statusCode(401);
        as(Fixtures.citizen("cd-x")).body(body).post("/api/v1/procedures").then().statusCode(403);
        as(Fixtures.officer(Fixtures.BA_DINH)).body(body).post("/api/v1/procedures").then().statusCode(403);
        String admin = DevTokens.admin("ad-1");
        as(admin).body(body).post("/api/v1/procedures").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/procedures/" + code))
                .body("feeTotalVnd", equalTo(50000)).body("version", equalTo(0));
        as(admin).body(body).post("/api/v1/procedures").then().statusCode(409).body("code", equalTo("PROCEDURE_EXISTS"));
        given().queryParam("q", "giay phep thu nghiem").get("/api/v1/procedures").then().body("items.code", hasItem(code));

        Map<String, Object> update = new java.util.HashMap<>(body);
        update.put("processingDays", 7);
        update.put("version", 0);
        as(admin).body(update).put("/api/v1/procedures/" + code).then().statusCode(200)
                .body("processingDays", equalTo(7)).body("version", equalTo(1));
        as(admin).body(update).put("/api/v1/procedures/" + code).then().statusCode(409).body("code", equalTo("VERSION_CONFLICT"));

        Map<String, Object> badAgency = new java.util.HashMap<>(body);
        badAgency.put("code", "1.800001");
        badAgency.put("agencyCode", "nope");
        as(admin).body(badAgency).post("/api/v1/procedures").then().statusCode(422).body("code", equalTo("UNKNOWN_AGENCY"));
        Map<String, Object> badCode = new java.util.HashMap<>(body);
        badCode.put("code", "abc");
        badCode.put("processingDays", -1);
        as(admin).body(badCode).post("/api/v1/procedures").then().statusCode(400)
                .body("violations.field", hasItem("code")).body("violations.field", hasItem("processingDays"));

        as(admin).delete("/api/v1/procedures/" + code).then().statusCode(200).body("active", equalTo(false));
        assertThat(given().queryParam("q", "giay phep thu nghiem").get("/api/v1/procedures").then().extract()
                .<List<String>>path("items.code")).doesNotContain(code);
        as(Fixtures.citizen("cd-x")).body(Map.of("procedureCode", code, "channel", "ONLINE", "returnMethod", "ELECTRONIC"))
                .post("/api/v1/dossiers").then().statusCode(422).body("code", equalTo("UNKNOWN_PROCEDURE"));
    }

    @Test
    void agencies_and_admin_units_with_effective_dates() {
        given().get("/api/v1/agencies").then().statusCode(200)
                .body("code", hasItem("000.00.12.H29")).body("code", hasItem("000.21.27.H29")).body("code", hasItem("000.10.25.H56"));
        given().get("/api/v1/agencies/000.10.25.H56").then().statusCode(200)
                .body("name", equalTo("Trung tâm Phục vụ hành chính công tỉnh Bến Tre"));
        given().get("/api/v1/agencies/nope").then().statusCode(404);
        given().get("/api/v1/agencies?level=TOWN").then().statusCode(400);
        // districts ended on 30 June 2025 but still resolve for old addresses
        given().get("/api/v1/admin-units/001").then().statusCode(200)
                .body("level", equalTo("DISTRICT")).body("validTo", equalTo("2025-06-30")).body("validToday", equalTo(false));
        given().get("/api/v1/admin-units?validOn=2025-07-01").then().statusCode(200)
                .body("level", not(hasItem("DISTRICT"))).body("code", hasItem("00004"));
        given().get("/api/v1/admin-units?validOn=2025-06-30&level=DISTRICT").then().statusCode(200).body("code", hasItem("001"));
        given().get("/api/v1/admin-units?validOn=30/06/2025").then().statusCode(400).body("violations[0].field", equalTo("validOn"));
    }
}
