package vn.motcua.payment;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.testing.DevTokens;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static vn.motcua.payment.PaymentFixtures.*;

/** A day's statement with all four kinds of difference. */
@QuarkusTest
class ReconciliationTest {

    static final String ADMIN = DevTokens.admin("ad-recon");

    record Paid(String id, String reference, String txn) {
    }

    Paid paid() {
        Dossier d = newDossier();
        String id = requirePayment(d, "COUNTER", true, judicialRecordFee());
        complete(startAndOpenProviderPage(d, id, "GATEWAY"), "SUCCESS");
        var view = given().auth().oauth2(d.token()).get("/api/v1/payments/" + id).then().body("status", equalTo("SUCCEEDED")).extract();
        return new Paid(id, view.path("reference"), view.path("providerTransactionId"));
    }

    @Test
    void matched_missing_here_missing_there_and_amount_mismatch_are_reported_and_stored() {
        Paid matched = paid();
        Paid mismatched = paid();
        Paid missingThere = paid();
        String today = LocalDate.now(CloudEventCodec.ZONE).toString();
        String csv = "reference,provider_transaction_id,amount_vnd,currency,paid_at,status\n"
                + matched.reference() + "," + matched.txn() + ",200000,VND,20261123101500,SUCCESS\n"
                + mismatched.reference() + "," + mismatched.txn() + ",150000,VND,20261123101600,SUCCESS\n"
                + "PNOTOURS0001,99999999,50000,VND,20261123101700,SUCCESS\n"
                + "PFAILED00001,99999998,50000,VND,20261123101800,FAILED\n";

        var created = given().auth().oauth2(ADMIN).contentType("text/csv").body(csv)
                .post("/api/v1/payments/reconciliations?provider=GATEWAY&date=" + today).then().statusCode(201)
                .body("statementRows", equalTo(4)).extract();
        String reportId = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/payments/reconciliations/" + reportId);

        var stored = given().auth().oauth2(ADMIN).get("/api/v1/payments/reconciliations/" + reportId).then().statusCode(200).extract();
        List<Map<String, Object>> items = stored.jsonPath().getList("items");
        assertThat(kindOf(items, matched.reference())).isEqualTo("MATCHED");
        assertThat(kindOf(items, mismatched.reference())).isEqualTo("AMOUNT_MISMATCH");
        assertThat(kindOf(items, "PNOTOURS0001")).isEqualTo("MISSING_HERE");
        assertThat(kindOf(items, missingThere.reference())).isEqualTo("MISSING_THERE");
        assertThat(kindOf(items, "PFAILED00001")).isNull();
        Map<String, Object> mismatch = items.stream().filter(i -> mismatched.reference().equals(i.get("reference"))).findFirst().orElseThrow();
        assertThat(mismatch.get("ourAmountVnd")).isEqualTo(200000);
        assertThat(mismatch.get("theirAmountVnd")).isEqualTo(150000);
        assertThat(stored.<Integer>path("matched")).isGreaterThanOrEqualTo(1);
        assertThat(stored.<Integer>path("missingHere")).isEqualTo(1);
        assertThat(stored.<Integer>path("amountMismatch")).isEqualTo(1);
        assertThat(stored.<Integer>path("missingThere")).isGreaterThanOrEqualTo(1);

        given().auth().oauth2(ADMIN).get("/api/v1/payments/reconciliations").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(reportId));
    }

    static String kindOf(List<Map<String, Object>> items, String reference) {
        return items.stream().filter(i -> reference.equals(i.get("reference"))).map(i -> (String) i.get("kind")).findFirst().orElse(null);
    }

    @Test
    void bad_statements_are_refused_with_the_line_at_fault() {
        String header = "reference,provider_transaction_id,amount_vnd,currency,paid_at,status\n";
        given().auth().oauth2(ADMIN).contentType("text/csv").body(header + "P1,1,-5,VND,x,SUCCESS\n")
                .post("/api/v1/payments/reconciliations?provider=GATEWAY&date=2026-11-23").then().statusCode(400)
                .body("detail", containsString("line 2"));
        given().auth().oauth2(ADMIN).contentType("text/csv").body(header + "P1,1,12.5,VND,x,SUCCESS\n")
                .post("/api/v1/payments/reconciliations?provider=GATEWAY&date=2026-11-23").then().statusCode(400);
        given().auth().oauth2(ADMIN).contentType("text/csv").body(header + "P1,1,99999999999999999999,VND,x,SUCCESS\n")
                .post("/api/v1/payments/reconciliations?provider=GATEWAY&date=2026-11-23").then().statusCode(400);
        given().auth().oauth2(ADMIN).contentType("text/csv").body("ref;amount\n")
                .post("/api/v1/payments/reconciliations?provider=GATEWAY&date=2026-11-23").then().statusCode(400);
        given().auth().oauth2(ADMIN).contentType("text/csv").body(header)
                .post("/api/v1/payments/reconciliations?provider=GATEWAY&date=23/11/2026").then().statusCode(400)
                .body("violations[0].field", equalTo("date"));
        given().auth().oauth2(DevTokens.officer("cb-001", AGENCY)).contentType("text/csv").body(header)
                .post("/api/v1/payments/reconciliations?provider=GATEWAY&date=2026-11-23").then().statusCode(403);
        given().contentType("text/csv").body(header)
                .post("/api/v1/payments/reconciliations?provider=GATEWAY&date=2026-11-23").then().statusCode(401);
        given().auth().oauth2(ADMIN).get("/api/v1/payments/reconciliations/no-such-report").then().statusCode(404);
    }
}
