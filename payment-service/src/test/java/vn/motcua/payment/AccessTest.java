package vn.motcua.payment;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.motcua.testing.DevTokens;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static vn.motcua.payment.PaymentFixtures.*;

/** Who may see and do what: 401 without a token, 403 for a wrong role, 404 for someone else's payment. */
@QuarkusTest
class AccessTest {

    @Test
    void denials() {
        Dossier d = newDossier();
        String id = requirePayment(d, "COUNTER", true, judicialRecordFee());
        String stranger = DevTokens.citizen("cd-stranger");
        String foreignOfficer = DevTokens.officer("cb-009", "000.00.12.H29");

        given().get("/api/v1/payments").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        given().get("/api/v1/payments/" + id).then().statusCode(401);
        given().contentType("application/json").header("Idempotency-Key", "abcdefgh-1")
                .body(Map.of("provider", "GATEWAY", "returnUrl", RETURN_URL)).post("/api/v1/payments/" + id + "/checkout")
                .then().statusCode(401);
        String expired = DevTokens.subject(d.citizen(), "citizen").expiresIn(Duration.ofSeconds(-120)).sign();
        given().auth().oauth2(expired).get("/api/v1/payments/" + id).then().statusCode(401);
        given().auth().oauth2(DevTokens.subject("portal-1", "portal").sign()).get("/api/v1/payments").then().statusCode(403);

        // another citizen: 404, never 403 and never data
        given().auth().oauth2(stranger).get("/api/v1/payments/" + id).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().auth().oauth2(stranger).get("/api/v1/payments/" + id + "/history").then().statusCode(404);
        given().auth().oauth2(stranger).get("/api/v1/payments/" + id + "/receipt").then().statusCode(404);
        given().auth().oauth2(stranger).header("Idempotency-Key", "abcdefgh-2").contentType("application/json")
                .body(Map.of("provider", "GATEWAY", "returnUrl", RETURN_URL)).post("/api/v1/payments/" + id + "/checkout")
                .then().statusCode(404);
        given().auth().oauth2(stranger).get("/api/v1/payments").then().statusCode(200).body("items.id", not(hasItem(id)));

        // officers: only an officer of the agency sees it; officers cannot pay for citizens
        given().auth().oauth2(foreignOfficer).get("/api/v1/payments/" + id).then().statusCode(404);
        given().auth().oauth2(foreignOfficer).get("/api/v1/payments").then().statusCode(200).body("items.id", not(hasItem(id)));
        String officer = DevTokens.officer("cb-002", AGENCY);
        given().auth().oauth2(officer).get("/api/v1/payments/" + id).then().statusCode(200);
        given().auth().oauth2(officer).queryParam("size", 100).get("/api/v1/payments").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.agencyCode", everyItem(equalTo(AGENCY)));
        given().auth().oauth2(officer).header("Idempotency-Key", "abcdefgh-3").contentType("application/json")
                .body(Map.of("provider", "GATEWAY", "returnUrl", RETURN_URL)).post("/api/v1/payments/" + id + "/checkout")
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(DevTokens.subject("cb-noagency", "officer").sign()).get("/api/v1/payments").then().statusCode(403);
        given().auth().oauth2(DevTokens.admin("ad-1")).get("/api/v1/payments/" + id).then().statusCode(200);

        given().auth().oauth2(d.token()).queryParam("size", 101).get("/api/v1/payments").then().statusCode(400);
        given().auth().oauth2(d.token()).queryParam("status", "PAID_MAYBE").get("/api/v1/payments").then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
    }

    @Test
    void the_payer_downloads_the_receipt_as_json_and_pdf() throws java.io.IOException {
        Dossier d = newDossier();
        String id = requirePayment(d, "POST", false, judicialRecordFee());
        given().auth().oauth2(d.token()).get("/api/v1/payments/" + id + "/receipt").then().statusCode(404);
        complete(startAndOpenProviderPage(d, id, "GATEWAY"), "SUCCESS");

        given().auth().oauth2(d.token()).accept("application/json").get("/api/v1/payments/" + id + "/receipt").then()
                .statusCode(200).body("receiptNumber", org.hamcrest.Matchers.matchesPattern("MC\\d\\dE-\\d{7}"))
                .body("agencyName", equalTo("Sở Tư pháp thành phố Hà Nội")).body("dossierCode", equalTo(d.dossierCode()))
                .body("procedureCode", equalTo("2.000908"))
                // filed at the counter: the postal fee carries no online discount
                .body("amountVnd", equalTo(230000)).body("fees[1].amountVnd", equalTo(30000))
                .body("provider", equalTo("GATEWAY")).body("payerName", equalTo("Nguyễn Văn An"));
        String number = given().auth().oauth2(d.token()).get("/api/v1/payments/" + id).then().statusCode(200)
                .extract().path("receiptNumber");
        assertThat(number).matches("MC\\d\\dE-\\d{7}");
        // the list carries the same receipt number (read for the whole page at once)
        given().auth().oauth2(d.token()).queryParam("dossierCode", d.dossierCode()).get("/api/v1/payments").then()
                .statusCode(200).body("items.find { it.id == '" + id + "' }.receiptNumber", equalTo(number));
        byte[] pdf = given().auth().oauth2(d.token()).accept("application/pdf").get("/api/v1/payments/" + id + "/receipt")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains("BIÊN LAI THU PHÍ")
                    .contains(d.dossierCode()).contains("Người nộp: Nguyễn Văn An").contains("Tổng cộng: 230.000 đồng");
        }
        given().auth().oauth2(DevTokens.officer("cb-003", AGENCY)).get("/api/v1/payments/" + id + "/receipt").then().statusCode(200);
    }
}
