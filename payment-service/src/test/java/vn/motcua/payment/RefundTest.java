package vn.motcua.payment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.payment.PaymentEvents;
import vn.motcua.testing.DevTokens;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static vn.motcua.payment.PaymentFixtures.*;

/** Refunds: partial and full, the stale-amount precondition, leader approval above the threshold (100 000 in tests). */
@QuarkusTest
class RefundTest {

    static final String OFFICER = DevTokens.officer("cb-refund-1", AGENCY);
    static final String OTHER_OFFICER = DevTokens.officer("cb-refund-2", AGENCY);
    static final String LEADER = DevTokens.subject("ld-refund-1", "leader", "officer").claim("agency", AGENCY).sign();
    static final String FOREIGN_LEADER = DevTokens.subject("ld-refund-9", "leader", "officer").claim("agency", "000.00.12.H29").sign();

    String paidPayment(Dossier d) {
        String id = requirePayment(d, "POST", true, judicialRecordFee());
        complete(startAndOpenProviderPage(d, id, "GATEWAY"), "SUCCESS");
        assertThat(status(d, id)).isEqualTo("SUCCEEDED");
        return id;
    }

    static Response refund(String token, String paymentId, Object amount, Object expected) {
        return given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("amountVnd", amount, "expectedRefundableVnd", expected, "reason", "Hoàn phí chuyển phát"))
                .post("/api/v1/payments/" + paymentId + "/refunds");
    }

    /**
     * Attack (issue 14 item 8): splitting a refund above the approval threshold (100 000 in tests) into small ones.
     * The threshold applies to the payment's refunded total: the first 90 000 goes back at once, the next 90 000
     * would make 180 000 and waits for a leader.
     */
    @Test
    void splitting_a_refund_does_not_avoid_the_leaders_approval() {
        Dossier d = newDossier();
        String id = paidPayment(d);
        refund(OFFICER, id, 90000, 224000).then().statusCode(201).body("status", equalTo("REFUNDED"));
        refund(OFFICER, id, 90000, 134000).then().statusCode(201).body("status", equalTo("AWAITING_APPROVAL"));
        given().auth().oauth2(d.token()).get("/api/v1/payments/" + id).then().body("status", equalTo("REFUND_REQUESTED"))
                .body("refundedVnd", equalTo(90000));
    }

    @Test
    void a_partial_then_an_approved_full_refund() {
        Dossier d = newDossier();
        String id = paidPayment(d);

        refund(OFFICER, id, 24000, 224000).then().statusCode(201).body("status", equalTo("REFUNDED"))
                .body("paymentRefundableVnd", equalTo(200000));
        given().auth().oauth2(d.token()).get("/api/v1/payments/" + id).then().body("status", equalTo("PARTIALLY_REFUNDED"))
                .body("refundedVnd", equalTo(24000));
        List<CloudEvent> refunded = awaitEvents(e -> e.type().equals(PaymentEvents.REFUNDED) && d.dossierId().equals(e.subject()), 1);
        PaymentEvents.Refunded event = CloudEventCodec.dataAs(refunded.get(0), PaymentEvents.Refunded.class);
        assertThat(event.refundedVnd()).isEqualTo(24000);
        assertThat(event.payment().status()).isEqualTo("PARTIALLY_REFUNDED");

        // a second officer who still saw 224 000 refundable is told it changed
        refund(OTHER_OFFICER, id, 24000, 224000).then().statusCode(412).body("code", equalTo("REFUNDABLE_AMOUNT_CHANGED"));
        refund(OTHER_OFFICER, id, 300000, 200000).then().statusCode(422).body("code", equalTo("REFUND_EXCEEDS_REFUNDABLE"));

        // above the threshold: waits for a leader
        String refundId = refund(OTHER_OFFICER, id, 200000, 200000).then().statusCode(201)
                .body("status", equalTo("AWAITING_APPROVAL")).extract().path("id");
        given().auth().oauth2(d.token()).get("/api/v1/payments/" + id).then().body("status", equalTo("REFUND_REQUESTED"));
        refund(OFFICER, id, 1000, 200000).then().statusCode(409).body("code", equalTo("REFUND_IN_PROGRESS"));
        given().auth().oauth2(OFFICER).contentType("application/json").body(Map.of("note", "ok"))
                .post("/api/v1/payments/" + id + "/refunds/" + refundId + "/approve").then().statusCode(403);
        given().auth().oauth2(FOREIGN_LEADER).contentType("application/json").body(Map.of("note", "ok"))
                .post("/api/v1/payments/" + id + "/refunds/" + refundId + "/approve").then().statusCode(404);
        given().auth().oauth2(LEADER).contentType("application/json").body(Map.of("note", "Đồng ý"))
                .post("/api/v1/payments/" + id + "/refunds/" + refundId + "/approve").then().statusCode(200)
                .body("status", equalTo("REFUNDED")).body("decidedBy", equalTo("ld-refund-1"));
        given().auth().oauth2(d.token()).get("/api/v1/payments/" + id).then().body("status", equalTo("REFUNDED"))
                .body("refundedVnd", equalTo(224000));
        given().auth().oauth2(LEADER).contentType("application/json").body(Map.of("note", "again"))
                .post("/api/v1/payments/" + id + "/refunds/" + refundId + "/approve").then().statusCode(409)
                .body("code", equalTo("REFUND_NOT_AWAITING_APPROVAL"));
        refund(OFFICER, id, 1000, 0).then().statusCode(409).body("code", equalTo("PAYMENT_NOT_REFUNDABLE"));

        given().auth().oauth2(d.token()).get("/api/v1/payments/" + id + "/refunds").then().statusCode(200)
                .body("size()", equalTo(2)).body("amountVnd", equalTo(List.of(24000, 200000)));
        given().auth().oauth2(d.token()).get("/api/v1/payments/" + id + "/history").then()
                .body("to", equalTo(List.of("CREATED", "PENDING", "SUCCEEDED", "REFUND_REQUESTED", "PARTIALLY_REFUNDED",
                        "REFUND_REQUESTED", "REFUNDED")));
    }

    @Test
    void two_officers_refunding_the_same_money_at_once_cannot_both_succeed() throws Exception {
        Dossier d = newDossier();
        String id = paidPayment(d);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> refund(OFFICER, id, 50000, 224000).then().extract().statusCode());
            var second = pool.submit(() -> refund(OTHER_OFFICER, id, 50000, 224000).then().extract().statusCode());
            // the loser either finds the winner's refund still being sent (409 REFUND_IN_PROGRESS: reserved, provider
            // not yet answered) or already recorded (412 REFUNDABLE_AMOUNT_CHANGED): never a second refund
            List<Integer> codes = List.of(first.get(), second.get());
            assertThat(codes).containsOnlyOnce(201);
            assertThat(codes).filteredOn(c -> c != 201).singleElement().isIn(409, 412);
        } finally {
            pool.shutdown();
        }
        given().auth().oauth2(d.token()).get("/api/v1/payments/" + id).then().body("refundedVnd", equalTo(50000));
    }

    @Test
    void a_platform_payment_is_refunded_through_the_platform() {
        Dossier d = newDossier();
        String id = requirePayment(d, "COUNTER", true, judicialRecordFee());
        complete(startAndOpenProviderPage(d, id, "NPP"), "SUCCESS");
        refund(OFFICER, id, 50000, 200000).then().statusCode(201).body("status", equalTo("REFUNDED"))
                .body("providerRefundId", org.hamcrest.Matchers.startsWith("R"));
        given().auth().oauth2(d.token()).get("/api/v1/payments/" + id).then().body("status", equalTo("PARTIALLY_REFUNDED"))
                .body("refundedVnd", equalTo(50000));
    }

    @Test
    void a_rejected_refund_leaves_the_money_refundable() {
        Dossier d = newDossier();
        String id = paidPayment(d);
        String refundId = refund(OFFICER, id, 224000, 224000).then().statusCode(201).body("status", equalTo("AWAITING_APPROVAL"))
                .extract().path("id");
        given().auth().oauth2(LEADER).contentType("application/json").body(Map.of("note", "Không đủ căn cứ"))
                .post("/api/v1/payments/" + id + "/refunds/" + refundId + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED"));
        given().auth().oauth2(d.token()).get("/api/v1/payments/" + id).then().body("status", equalTo("SUCCEEDED"))
                .body("refundedVnd", equalTo(0));
        // a leader's own request is executed at once, whatever the amount
        refund(LEADER, id, 224000, 224000).then().statusCode(201).body("status", equalTo("REFUNDED"));
    }

    @Test
    void a_leader_cannot_approve_their_own_request_and_amounts_are_validated() {
        Dossier d = newDossier();
        String id = paidPayment(d);
        refund(OFFICER, id, 0, 224000).then().statusCode(400).body("violations[0].field", equalTo("amountVnd"));
        refund(OFFICER, id, -5000, 224000).then().statusCode(400);
        refund(OFFICER, id, "99999999999999999999999", 224000).then().statusCode(400);
        refund(OFFICER, id, new java.math.BigInteger("99999999999999999999999"), 224000).then().statusCode(400);
        refund(OFFICER, id, "mười nghìn", 224000).then().statusCode(400);
        refund(d.token(), id, 1000, 224000).then().statusCode(403);
        refund(DevTokens.officer("cb-x", "000.00.12.H29"), id, 1000, 224000).then().statusCode(404);
        given().auth().oauth2(d.token()).get("/api/v1/payments/" + id).then().body("status", equalTo("SUCCEEDED"));
    }
}
