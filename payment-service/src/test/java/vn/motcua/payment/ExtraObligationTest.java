package vn.motcua.payment;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.payment.PaymentEvents;
import vn.motcua.testing.DevTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static vn.motcua.payment.PaymentFixtures.*;

/** An officer raises an extra obligation; the applicant pays it like any other. */
@QuarkusTest
class ExtraObligationTest {

    @Inject
    Db db;

    static Map<String, Object> body(Dossier d, Object amount) {
        return body(d, "PHI_BAN_SAO", amount);
    }

    static Map<String, Object> body(Dossier d, String feeCode, Object amount) {
        return Map.of("dossierId", d.dossierId(), "dossierCode", d.dossierCode(), "procedureCode", "2.000908",
                "payer", Map.of("id", d.citizen(), "fullName", "Nguyễn Văn An", "email", "an.nguyen@example.vn"),
                "fees", List.of(Map.of("code", feeCode, "name", "Phí cấp thêm bản sao", "amountVnd", amount)),
                "reason", "Công dân yêu cầu thêm 2 bản sao");
    }

    /**
     * Attack (issue 14 item 1): an officer of agency A bills 1 000 đ against agency B's 200 000 đ dossier. Refused as
     * not found (another agency's dossier does not exist for them), and so are a payer who is not the applicant, a
     * mismatched dossier code, a dossier never announced, and the system fee codes (POSTAL_RETURN, the dossier's own
     * fee line). Nothing is created.
     */
    @Test
    void an_officer_cannot_bill_another_agencys_dossier_nor_a_system_fee() {
        Dossier victim = newDossier();
        String otherAgency = "000.00.12.H29";
        submitted(victim, otherAgency, db);
        String attacker = DevTokens.officer("cb-a", AGENCY);
        given().auth().oauth2(attacker).contentType("application/json").body(body(victim, 1000))
                .post("/api/v1/payments/obligations").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().auth().oauth2(attacker).contentType("application/json").body(body(newDossier(), 1000))
                .post("/api/v1/payments/obligations").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        assertThat(db.count("select count(*) from payment_obligation where dossier_id = '" + victim.dossierId() + "'")).isZero();

        // an officer of the dossier's own agency: only its applicant, only its code, never a system fee
        Dossier own = newDossier();
        requirePayment(own, "POST", true, judicialRecordFee()); // its fee obligation: LE_PHI + POSTAL_RETURN
        await().atMost(java.time.Duration.ofSeconds(60)).until(() ->
                db.count("select count(*) from known_dossier where dossier_id = '" + own.dossierId() + "'") == 1);
        String officer = DevTokens.officer("cb-b", AGENCY);
        Map<String, Object> otherPayer = new java.util.HashMap<>(body(own, 1000));
        otherPayer.put("payer", Map.of("id", "cd-someone-else", "fullName", "Trần Văn B"));
        given().auth().oauth2(officer).contentType("application/json").body(otherPayer)
                .post("/api/v1/payments/obligations").then().statusCode(422).body("code", equalTo("PAYER_NOT_APPLICANT"));
        Map<String, Object> otherCode = new java.util.HashMap<>(body(own, 1000));
        otherCode.put("dossierCode", victim.dossierCode());
        given().auth().oauth2(officer).contentType("application/json").body(otherCode)
                .post("/api/v1/payments/obligations").then().statusCode(422).body("code", equalTo("DOSSIER_CODE_MISMATCH"));
        for (String systemCode : List.of("POSTAL_RETURN", "DOSSIER_FEE", "LE_PHI")) {
            given().auth().oauth2(officer).contentType("application/json").body(body(own, systemCode, 1000))
                    .post("/api/v1/payments/obligations").then().statusCode(422).body("code", equalTo("SYSTEM_FEE_CODE"));
        }
        assertThat(db.count("select count(*) from payment_obligation where dossier_id = '" + own.dossierId()
                + "' and kind = 'EXTRA'")).isZero();
    }

    @Test
    void an_officer_raises_an_extra_fee_and_the_citizen_pays_it() {
        Dossier d = newDossier();
        submitted(d, AGENCY, db);
        String officer = DevTokens.officer("cb-extra", AGENCY);
        String key = "extra-" + UUID.randomUUID();
        var created = given().auth().oauth2(officer).header("Idempotency-Key", key).contentType("application/json")
                .body(body(d, 20000)).post("/api/v1/payments/obligations").then().statusCode(201)
                .body("status", equalTo("CREATED")).body("amountVnd", equalTo(20000)).body("agencyCode", equalTo(AGENCY))
                .extract();
        String paymentId = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/payments/" + paymentId);
        // replay: same answer, no second obligation
        given().auth().oauth2(officer).header("Idempotency-Key", key).contentType("application/json")
                .body(body(d, 20000)).post("/api/v1/payments/obligations").then().statusCode(201).body("id", equalTo(paymentId));

        List<CloudEvent> requested = awaitEvents(e -> e.type().equals(PaymentEvents.REQUESTED)
                && paymentId.equals(CloudEventCodec.dataAs(e, PaymentEvents.Requested.class).payment().paymentId()), 1);
        PaymentEvents.PaymentRef ref = CloudEventCodec.dataAs(requested.get(0), PaymentEvents.Requested.class).payment();
        assertThat(ref.dossierId()).isEqualTo(d.dossierId());
        assertThat(ref.obligationKind()).isEqualTo(PaymentEvents.KIND_EXTRA);

        complete(startAndOpenProviderPage(d, paymentId, "GATEWAY"), "SUCCESS");
        assertThat(status(d, paymentId)).isEqualTo("SUCCEEDED");
        // what was paid for travels with the event: dossier-service and postal-delivery act only on DOSSIER_FEE
        PaymentEvents.PaymentRef paid = CloudEventCodec.dataAs(awaitEvents(e -> e.type().equals(PaymentEvents.SUCCEEDED)
                && paymentId.equals(CloudEventCodec.dataAs(e, PaymentEvents.Succeeded.class).payment().paymentId()), 1).get(0),
                PaymentEvents.Succeeded.class).payment();
        assertThat(paid.obligationKind()).isEqualTo(PaymentEvents.KIND_EXTRA);
        assertThat(paid.obligationAmountVnd()).isEqualTo(20000);
    }

    @Test
    void invalid_extra_obligations_are_refused() {
        Dossier d = newDossier();
        submitted(d, AGENCY, db);
        String officer = DevTokens.officer("cb-extra", AGENCY);
        for (Object amount : List.of(0, -1000, 10_000_000_000_000L)) {
            given().auth().oauth2(officer).contentType("application/json").body(body(d, amount))
                    .post("/api/v1/payments/obligations").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        }
        given().auth().oauth2(officer).contentType("application/json").body(Map.of("dossierCode", d.dossierCode()))
                .post("/api/v1/payments/obligations").then().statusCode(400);
        given().auth().oauth2(d.token()).contentType("application/json").body(body(d, 1000))
                .post("/api/v1/payments/obligations").then().statusCode(403);
        given().contentType("application/json").body(body(d, 1000)).post("/api/v1/payments/obligations").then().statusCode(401);
    }
}
