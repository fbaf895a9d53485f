package vn.motcua.payment;

import io.quarkus.test.junit.QuarkusTest;
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
import static org.hamcrest.Matchers.equalTo;
import static vn.motcua.payment.PaymentFixtures.*;

/** An officer raises an extra obligation; the applicant pays it like any other. */
@QuarkusTest
class ExtraObligationTest {

    static Map<String, Object> body(Dossier d, Object amount) {
        return Map.of("dossierCode", d.dossierCode(), "procedureCode", "2.000908",
                "payer", Map.of("id", d.citizen(), "fullName", "Nguyễn Văn An", "email", "an.nguyen@example.vn"),
                "fees", List.of(Map.of("code", "PHI_BAN_SAO", "name", "Phí cấp thêm bản sao", "amountVnd", amount)),
                "reason", "Công dân yêu cầu thêm 2 bản sao");
    }

    @Test
    void an_officer_raises_an_extra_fee_and_the_citizen_pays_it() {
        Dossier d = newDossier();
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

        List<CloudEvent> requested = awaitEvents(e -> e.type().equals(PaymentEvents.REQUESTED) && paymentId.equals(e.subject()), 1);
        assertThat(CloudEventCodec.dataAs(requested.get(0), PaymentEvents.Requested.class).payment().dossierId()).isNull();

        complete(startAndOpenProviderPage(d, paymentId, "GATEWAY"), "SUCCESS");
        assertThat(status(d, paymentId)).isEqualTo("SUCCEEDED");
    }

    @Test
    void invalid_extra_obligations_are_refused() {
        Dossier d = newDossier();
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
