package vn.motcua.payment;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.payment.PaymentEvents;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static vn.motcua.payment.PaymentFixtures.*;

/** The whole pay flow over real HTTP, real Kafka and the sandbox provider, for both protocols. */
@QuarkusTest
class PayFlowTest {

    @Test
    void a_dossier_fee_is_requested_paid_through_the_gateway_and_receipted() {
        Dossier d = newDossier();
        String paymentId = requirePayment(d, "POST", true, judicialRecordFee());

        // 200 000 fee + 30 000 postal fee with the 20% online discount = 224 000
        given().auth().oauth2(d.token()).get("/api/v1/payments/" + paymentId).then().statusCode(200)
                .body("status", equalTo("CREATED")).body("amountVnd", equalTo(224000))
                .body("fees[1].code", equalTo("POSTAL_RETURN")).body("fees[1].amountVnd", equalTo(24000))
                .body("procedureName", equalTo("Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam"));
        List<CloudEvent> requested = awaitEvents(e -> e.type().equals(PaymentEvents.REQUESTED) && d.dossierId().equals(e.subject()), 1);
        assertThat(requested).hasSize(1);
        PaymentEvents.Requested payload = CloudEventCodec.dataAs(requested.get(0), PaymentEvents.Requested.class);
        assertThat(payload.payment().paymentId()).isEqualTo(paymentId);
        assertThat(payload.payment().amountVnd()).isEqualTo(224_000);
        assertThat(payload.payment().payer().fullName()).isEqualTo("Nguyễn Văn An");
        assertThat(payload.expiresAt()).isAfter(payload.requestedAt());

        String txn = startAndOpenProviderPage(d, paymentId, "GATEWAY");
        assertThat(status(d, paymentId)).isEqualTo("PENDING");
        String back = complete(txn, "SUCCESS");
        assertThat(status(d, paymentId)).isEqualTo("SUCCEEDED");

        // the browser comes back through our return page, which sends it on to the frontend
        String frontend = given().urlEncodingEnabled(false).redirects().follow(false).get(pathAndQuery(back))
                .then().statusCode(303).extract().header("Location");
        assertThat(frontend).startsWith(RETURN_URL + "?paymentId=" + paymentId).endsWith("status=SUCCEEDED");

        String receiptNumber = given().auth().oauth2(d.token()).get("/api/v1/payments/" + paymentId).then()
                .body("receiptNumber", matchesPattern("MC\\d\\dE-\\d{7}")).body("providerTransactionId", equalTo(txn))
                .extract().path("receiptNumber");
        List<CloudEvent> succeeded = awaitEvents(e -> e.type().equals(PaymentEvents.SUCCEEDED) && d.dossierId().equals(e.subject()), 1);
        PaymentEvents.Succeeded paid = CloudEventCodec.dataAs(succeeded.get(0), PaymentEvents.Succeeded.class);
        assertThat(paid.receiptNumber()).isEqualTo(receiptNumber);
        assertThat(paid.provider()).isEqualTo("GATEWAY");
        assertThat(paid.providerTransactionId()).isEqualTo(txn);
        assertThat(paid.payment().status()).isEqualTo("SUCCEEDED");
        assertThat(succeeded.get(0).source()).isEqualTo("/payment-service");

        given().auth().oauth2(d.token()).get("/api/v1/payments/" + paymentId + "/history").then().statusCode(200)
                .body("to", equalTo(List.of("CREATED", "PENDING", "SUCCEEDED")))
                .body("actor[2]", equalTo("provider:GATEWAY"));
    }

    @Test
    void a_fee_is_paid_through_the_national_payment_platform() {
        Dossier d = newDossier();
        String paymentId = requirePayment(d, "COUNTER", true, judicialRecordFee());
        given().auth().oauth2(d.token()).get("/api/v1/payments/" + paymentId).then().body("amountVnd", equalTo(200000));

        String txn = startAndOpenProviderPage(d, paymentId, "NPP");
        String back = complete(txn, "SUCCESS");
        assertThat(status(d, paymentId)).isEqualTo("SUCCEEDED");
        given().urlEncodingEnabled(false).redirects().follow(false).get(pathAndQuery(back)).then().statusCode(303);
        List<CloudEvent> succeeded = awaitEvents(e -> e.type().equals(PaymentEvents.SUCCEEDED) && d.dossierId().equals(e.subject()), 1);
        assertThat(CloudEventCodec.dataAs(succeeded.get(0), PaymentEvents.Succeeded.class).provider()).isEqualTo("NPP");
    }
}
