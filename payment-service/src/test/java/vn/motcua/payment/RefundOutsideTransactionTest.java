package vn.motcua.payment;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.payment.refund.RefundService;
import vn.motcua.payment.sandbox.SandboxLedger;
import vn.motcua.testing.DevTokens;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static vn.motcua.payment.PaymentFixtures.*;

/**
 * Issue 15 item 5: the provider's refund call is made outside any transaction — the refund is reserved (SENDING) and
 * committed first, the answer recorded in another transaction — and the refund's own id is the provider's
 * idempotency reference, so a refund whose answer was lost is sent again without paying out twice. The provider's
 * client timeout is 2 s in tests.
 */
@QuarkusTest
class RefundOutsideTransactionTest {

    static final String OFFICER = DevTokens.officer("cb-refund-tx", AGENCY);

    @Inject
    Db db;
    @Inject
    RefundService refunds;
    @Inject
    SandboxLedger sandbox;

    @AfterEach
    void providerBackToNormal() {
        control(0, 0);
    }

    static void control(long apiDelayMillis, long answerDelayMillis) {
        given().contentType("application/json").body(Map.of("apiDelayMillis", apiDelayMillis, "answerDelayMillis", answerDelayMillis))
                .post("/sandbox/control").then().statusCode(200);
    }

    String paidPayment(Dossier d) {
        String id = requirePayment(d, "POST", true, judicialRecordFee());
        complete(startAndOpenProviderPage(d, id, "GATEWAY"), "SUCCESS");
        assertThat(status(d, id)).isEqualTo("SUCCEEDED");
        return id;
    }

    static io.restassured.response.Response refund(String paymentId) {
        return given().auth().oauth2(OFFICER).contentType("application/json")
                .body(Map.of("amountVnd", 24000, "expectedRefundableVnd", 224000, "reason", "Hoàn phí chuyển phát"))
                .post("/api/v1/payments/" + paymentId + "/refunds");
    }

    String refundStatus(String paymentId) {
        return db.text("select status from refund where payment_id = '" + paymentId + "'");
    }

    /**
     * A provider slower than our timeout: while the call is in progress the refund is already committed as SENDING
     * and the payment row is not locked (the old code held it for the whole call, then answered 502 and kept
     * nothing). The request answers SENDING; once the provider is back, the job records the refund.
     */
    @Test
    void a_slow_provider_holds_no_lock_and_the_job_completes_the_refund() throws Exception {
        Dossier d = newDossier();
        String id = paidPayment(d);
        control(5_000, 0);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<io.restassured.response.Response> request = pool.submit(() -> refund(id));
            await().atMost(Duration.ofSeconds(60)).until(() -> "SENDING".equals(refundStatus(id)));
            // not locked by the request in progress: NOWAIT fails at once on a row another transaction holds
            assertThat(db.text("select id from payment where id = '" + id + "' for update nowait")).isEqualTo(id);
            io.restassured.response.Response answered = request.get();
            assertThat(answered.statusCode()).isEqualTo(201);
            assertThat(answered.jsonPath().getString("status")).isEqualTo("SENDING");
        } finally {
            pool.shutdown();
        }
        control(0, 0);
        refunds.resendDue(OffsetDateTime.now().plusHours(1));
        assertThat(refundStatus(id)).isEqualTo("REFUNDED");
        given().auth().oauth2(d.token()).get("/api/v1/payments/" + id).then().body("status", equalTo("PARTIALLY_REFUNDED"))
                .body("refundedVnd", equalTo(24000));
    }

    /**
     * The provider refunds but its answer never reaches us (it answers after our timeout). The refund stays SENDING;
     * the job sends it again under the same id, the provider recognises it, and the money went back once.
     */
    @Test
    void a_refund_whose_answer_was_lost_is_sent_again_and_paid_once() {
        Dossier d = newDossier();
        String id = paidPayment(d);
        String reference = given().auth().oauth2(d.token()).get("/api/v1/payments/" + id).then().extract().path("reference");
        control(0, 5_000);
        refund(id).then().statusCode(201).body("status", equalTo("SENDING"));
        await().atMost(Duration.ofSeconds(60)).until(() -> atProvider(reference).refundedVnd == 24000);
        control(0, 0);

        assertThat(refunds.resendDue(OffsetDateTime.now().plusHours(1))).isEqualTo(1);
        assertThat(refundStatus(id)).isEqualTo("REFUNDED");
        assertThat(atProvider(reference).refundedVnd).isEqualTo(24000);
        assertThat(atProvider(reference).refunds).hasSize(1);
        given().auth().oauth2(d.token()).get("/api/v1/payments/" + id).then().body("refundedVnd", equalTo(24000));
        // nothing left to send
        assertThat(refunds.resendDue(OffsetDateTime.now().plusHours(1))).isZero();
        assertThat(atProvider(reference).refundedVnd).isEqualTo(24000);
    }

    /** The sandbox's books for this payment, as they are now. */
    SandboxLedger.Txn atProvider(String reference) {
        return sandbox.byReference(SandboxLedger.Protocol.GATEWAY, reference).orElseThrow();
    }
}
