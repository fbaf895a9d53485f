package vn.motcua.payment;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.motcua.contracts.payment.PaymentEvents;
import vn.motcua.payment.provider.GatewayProtocol;
import vn.motcua.payment.provider.NppProtocol;
import vn.motcua.payment.provider.Signatures;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static vn.motcua.payment.PaymentFixtures.*;

/** Forged, replayed and altered provider messages, and abuse of the checkout API: nothing is ever marked paid. */
@QuarkusTest
class AttackTest {

    static final String GATEWAY_SECRET = "SANDBOX-gateway-secret-not-for-production";
    static final String NPP_SECRET = "SANDBOX-npp-secret-not-for-production";

    @Inject
    Db db;

    record Pending(Dossier dossier, String paymentId, String reference, String txn) {
    }

    Pending pendingGatewayPayment() {
        Dossier d = newDossier();
        String id = requirePayment(d, "POST", true, judicialRecordFee());
        String txn = startAndOpenProviderPage(d, id, "GATEWAY");
        String reference = given().auth().oauth2(d.token()).get("/api/v1/payments/" + id).then().extract().path("reference");
        return new Pending(d, id, reference, txn);
    }

    static Map<String, String> ipnFields(String reference, String amountHundredths, String currency, String txn) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("vnp_TmnCode", "MOTCUA01");
        f.put("vnp_Amount", amountHundredths);
        f.put("vnp_CurrCode", currency);
        f.put("vnp_BankCode", "NCB");
        f.put("vnp_OrderInfo", "Thanh toan");
        f.put("vnp_PayDate", "20261123101500");
        f.put("vnp_ResponseCode", "00");
        f.put("vnp_TransactionNo", txn);
        f.put("vnp_TransactionStatus", "00");
        f.put("vnp_TxnRef", reference);
        return f;
    }

    static Map<String, String> signed(Map<String, String> fields) {
        Map<String, String> copy = new LinkedHashMap<>(fields);
        copy.put("vnp_SecureHash", Signatures.hmacSha512(GATEWAY_SECRET, Signatures.canonicalQuery(copy)));
        return copy;
    }

    static String ipn(Map<String, String> fields) {
        return given().queryParams(fields).get("/api/v1/payments/callbacks/gateway/notify").then().statusCode(200)
                .extract().path("RspCode");
    }

    void assertNothingPaid(Pending p) {
        assertThat(status(p.dossier(), p.paymentId())).isEqualTo("PENDING");
        assertThat(db.count("select count(*) from payment_receipt where payment_id = '" + p.paymentId() + "'")).isZero();
    }

    @Test
    void a_tampered_signature_is_refused() {
        Pending p = pendingGatewayPayment();
        Map<String, String> fields = signed(ipnFields(p.reference(), "22400000", "VND", p.txn()));
        fields.put("vnp_SecureHash", fields.get("vnp_SecureHash").replace('a', 'b').replace('1', '2'));
        assertThat(ipn(fields)).isEqualTo("97");
        // signed with another secret
        Map<String, String> forged = new LinkedHashMap<>(ipnFields(p.reference(), "22400000", "VND", p.txn()));
        forged.put("vnp_SecureHash", Signatures.hmacSha512("guessed-secret", Signatures.canonicalQuery(forged)));
        assertThat(ipn(forged)).isEqualTo("97");
        // a field changed after signing
        Map<String, String> altered = signed(ipnFields(p.reference(), "22400000", "VND", p.txn()));
        altered.put("vnp_ResponseCode", "00");
        altered.put("vnp_Amount", "100");
        assertThat(ipn(altered)).isEqualTo("97");
        assertNothingPaid(p);
        // unsigned input never reaches the append-only record: counted, and sampled into the expiring table
        assertThat(db.count("select count(*) from provider_notification where reference = '" + p.reference()
                + "' and verdict = 'REJECTED_SIGNATURE'")).isZero();
        assertThat(db.count("select count(*) from rejected_notification where reference = '" + p.reference()
                + "' and verdict = 'REJECTED_SIGNATURE'")).isEqualTo(3);
    }

    @Inject
    io.micrometer.core.instrument.MeterRegistry meters;
    @Inject
    vn.motcua.payment.notification.RejectedNotifications rejected;

    /**
     * Attack (issue 14 item 7): anonymous callbacks with a bad signature and a 20 KB payload used to be stored for
     * ever in the append-only provider_notification. Now each is counted, its sample holds at most 2 000 characters,
     * and the retention job deletes samples past their time (the table accepts deletes).
     */
    @Test
    void forged_callbacks_are_counted_sampled_and_expire() {
        String reference = "PFORGED" + UUID.randomUUID().toString().substring(0, 8);
        double before = meters.counter("motcua.payment.notifications.rejected", "provider", "NPP",
                "verdict", "REJECTED_SIGNATURE").count();
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("partnerCode", "MOTCUA");
        forged.put("requestId", reference);
        forged.put("amount", "224000");
        forged.put("currency", "VND");
        forged.put("status", "SUCCESS");
        forged.put("padding", "x".repeat(20_000));
        forged.put("hash", "00");
        for (int i = 0; i < 5; i++) {
            given().contentType("application/json").body(forged).post("/api/v1/payments/callbacks/npp/notify").then()
                    .statusCode(200).body("code", equalTo("02"));
        }
        assertThat(meters.counter("motcua.payment.notifications.rejected", "provider", "NPP",
                "verdict", "REJECTED_SIGNATURE").count() - before).isEqualTo(5.0);
        assertThat(db.count("select count(*) from provider_notification where reference = '" + reference + "'")).isZero();
        assertThat(db.count("select count(*) from rejected_notification where reference = '" + reference + "'")).isEqualTo(5);
        assertThat(db.count("select max(length(payload)) from rejected_notification where reference = '" + reference + "'"))
                .isLessThanOrEqualTo(2000);
        // past the retention (7 days by default) the samples are deleted; younger ones stay
        db.update("update rejected_notification set received_at = now() - interval '8 days' where id = (select min(id) "
                + "from rejected_notification where reference = '" + reference + "')");
        rejected.purge(java.time.OffsetDateTime.now());
        assertThat(db.count("select count(*) from rejected_notification where reference = '" + reference + "'")).isEqualTo(4);
    }

    @Test
    void wrong_amounts_currency_merchant_and_references_are_refused_even_when_signed() {
        Pending p = pendingGatewayPayment();
        assertThat(ipn(signed(ipnFields(p.reference(), "100", "VND", p.txn())))).isEqualTo("04");          // 1 VND instead of 224 000
        assertThat(ipn(signed(ipnFields(p.reference(), "0", "VND", p.txn())))).isEqualTo("04");            // zero
        assertThat(ipn(signed(ipnFields(p.reference(), "-22400000", "VND", p.txn())))).isEqualTo("04");    // negative
        assertThat(ipn(signed(ipnFields(p.reference(), "99999999999999999999", "VND", p.txn())))).isEqualTo("04"); // overflow
        assertThat(ipn(signed(ipnFields(p.reference(), "22400050", "VND", p.txn())))).isEqualTo("04");     // half a đồng
        assertThat(ipn(signed(ipnFields(p.reference(), "22400000", "USD", p.txn())))).isEqualTo("99");     // currency
        assertThat(ipn(signed(ipnFields("PUNKNOWNREF1", "22400000", "VND", p.txn())))).isEqualTo("01");    // unknown reference
        Map<String, String> otherMerchant = ipnFields(p.reference(), "22400000", "VND", p.txn());
        otherMerchant.put("vnp_TmnCode", "OTHER001");
        assertThat(ipn(signed(otherMerchant))).isEqualTo("99");
        assertNothingPaid(p);
        assertThat(db.count("select count(*) from provider_notification where reference = '" + p.reference()
                + "' and verdict like 'REJECTED%'")).isEqualTo(7);
    }

    @Test
    void an_amount_changed_in_the_redirect_is_refused_by_the_provider() {
        Dossier d = newDossier();
        String id = requirePayment(d, "COUNTER", true, judicialRecordFee());
        String redirect = checkout(d, id, "GATEWAY", "k-" + UUID.randomUUID()).then().statusCode(201).extract().path("redirectUrl");
        assertThat(redirect).contains("vnp_Amount=20000000");
        String cheaper = redirect.replace("vnp_Amount=20000000", "vnp_Amount=100");
        given().urlEncodingEnabled(false).get(cheaper).then().statusCode(400).body(containsString("code 97"));
        assertThat(status(d, id)).isEqualTo("PENDING");
    }

    @Test
    void a_replayed_notification_has_no_second_effect() {
        Pending p = pendingGatewayPayment();
        complete(p.txn(), "SUCCESS");
        assertThat(status(p.dossier(), p.paymentId())).isEqualTo("SUCCEEDED");
        for (int i = 0; i < 3; i++) {
            String ack = given().post("/sandbox/transactions/" + p.txn() + "/notify").then().statusCode(200).extract().asString();
            assertThat(ack).contains("\"RspCode\":\"02\"");
        }
        // a replayed success cannot be turned into a failure either
        Map<String, String> failure = ipnFields(p.reference(), "22400000", "VND", p.txn());
        failure.put("vnp_ResponseCode", "51");
        failure.put("vnp_TransactionStatus", "02");
        assertThat(ipn(signed(failure))).isEqualTo("02");
        assertThat(status(p.dossier(), p.paymentId())).isEqualTo("SUCCEEDED");
        assertThat(db.count("select count(*) from payment_receipt where payment_id = '" + p.paymentId() + "'")).isEqualTo(1);
        assertThat(db.count("select count(*) from payment_transition where payment_id = '" + p.paymentId() + "' and to_status = 'SUCCEEDED'")).isEqualTo(1);
        assertThat(db.count("select count(*) from outbox_event where event_type = '" + PaymentEvents.SUCCEEDED
                + "' and event_key = '" + p.dossier().dossierId() + "'")).isEqualTo(1);
    }

    @Test
    void platform_notifications_with_a_bad_hash_or_another_dossier_code_are_refused() {
        Dossier d = newDossier();
        String id = requirePayment(d, "COUNTER", true, judicialRecordFee());
        String txn = startAndOpenProviderPage(d, id, "NPP");
        String reference = given().auth().oauth2(d.token()).get("/api/v1/payments/" + id).then().extract().path("reference");
        Map<String, String> body = new LinkedHashMap<>();
        body.put("partnerCode", "MOTCUA");
        body.put("requestId", reference);
        body.put("reference", d.dossierCode());
        body.put("transactionId", txn);
        body.put("amount", "200000");
        body.put("currency", "VND");
        body.put("status", "SUCCESS");
        body.put("paidAt", "20261123101500");
        body.put("hash", NppProtocol.hash("wrong-secret", body.values().toArray(String[]::new)));
        given().contentType("application/json").body(body).post("/api/v1/payments/callbacks/npp/notify").then()
                .statusCode(200).body("code", equalTo("02"));
        body.put("reference", "000.21.27.H29-261123-OTHER");
        body.remove("hash");
        body.put("hash", NppProtocol.hash(NPP_SECRET, body.values().toArray(String[]::new)));
        given().contentType("application/json").body(body).post("/api/v1/payments/callbacks/npp/notify").then()
                .statusCode(200).body("code", equalTo("01"));
        given().contentType("application/json").body("{not json").post("/api/v1/payments/callbacks/npp/notify").then()
                .statusCode(200).body("code", equalTo("99"));
        assertThat(status(d, id)).isEqualTo("PENDING");
    }

    @Test
    void checkout_requires_an_idempotency_key_and_refuses_its_reuse_with_another_body() {
        Dossier d = newDossier();
        String id = requirePayment(d, "COUNTER", true, judicialRecordFee());
        given().auth().oauth2(d.token()).contentType("application/json")
                .body(Map.of("provider", "GATEWAY", "returnUrl", RETURN_URL))
                .post("/api/v1/payments/" + id + "/checkout").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));

        String key = "key-" + UUID.randomUUID();
        String first = checkout(d, id, "GATEWAY", key).then().statusCode(201).extract().asString();
        given().auth().oauth2(d.token()).header("Idempotency-Key", key).contentType("application/json")
                .body(Map.of("provider", "GATEWAY", "returnUrl", RETURN_URL))
                .post("/api/v1/payments/" + id + "/checkout").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body(equalTo(first));
        checkout(d, id, "NPP", key).then().statusCode(409).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        checkout(d, id, "GATEWAY", "key-" + UUID.randomUUID()).then().statusCode(409).body("code", equalTo("PAYMENT_IN_PROGRESS"));
    }

    @Test
    void bad_checkout_bodies_are_400_and_foreign_return_urls_422() {
        Dossier d = newDossier();
        String id = requirePayment(d, "COUNTER", true, judicialRecordFee());
        given().auth().oauth2(d.token()).header("Idempotency-Key", "key-" + UUID.randomUUID()).contentType("application/json")
                .body(Map.of("provider", "BITCOIN", "returnUrl", RETURN_URL)).post("/api/v1/payments/" + id + "/checkout")
                .then().statusCode(400).body("code", equalTo("UNKNOWN_ENUM_VALUE"));
        given().auth().oauth2(d.token()).header("Idempotency-Key", "key-" + UUID.randomUUID()).contentType("application/json")
                .body("{\"provider\":\"GATEWAY\",").post("/api/v1/payments/" + id + "/checkout")
                .then().statusCode(400);
        given().auth().oauth2(d.token()).header("Idempotency-Key", "key-" + UUID.randomUUID()).contentType("application/json")
                .body(Map.of("provider", "GATEWAY", "returnUrl", "javascript:alert(1)")).post("/api/v1/payments/" + id + "/checkout")
                .then().statusCode(400).body("violations[0].field", equalTo("returnUrl"));
        given().auth().oauth2(d.token()).header("Idempotency-Key", "key-" + UUID.randomUUID()).contentType("application/json")
                .body(Map.of("provider", "GATEWAY", "returnUrl", "https://evil.example.com/steal")).post("/api/v1/payments/" + id + "/checkout")
                .then().statusCode(422).body("code", equalTo("RETURN_URL_NOT_ALLOWED"));
        assertThat(status(d, id)).isEqualTo("CREATED");
    }

    @Test
    void a_paid_obligation_cannot_be_paid_again() {
        Pending p = pendingGatewayPayment();
        complete(p.txn(), "SUCCESS");
        checkout(p.dossier(), p.paymentId(), "GATEWAY", "again-" + p.paymentId()).then().statusCode(409)
                .body("code", equalTo("ALREADY_PAID"));
    }

    @Test
    void the_return_page_refuses_a_forged_signature() {
        Pending p = pendingGatewayPayment();
        Map<String, String> fields = signed(ipnFields(p.reference(), "22400000", "VND", p.txn()));
        fields.put("vnp_ResponseCode", "24");
        given().redirects().follow(false).queryParams(fields).get("/api/v1/payments/callbacks/gateway/return").then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        assertThat(GatewayProtocol.amount(224_000)).isEqualTo("22400000");
        assertNothingPaid(p);
    }

    /**
     * Attack (issue 14 item 3): return URLs that only start like an allowed origin. A prefix test let all of these
     * through; the origin (scheme, host, port) must now equal a configured one.
     */
    @Test
    void a_return_url_is_allowed_only_on_a_configured_origin() {
        Dossier d = newDossier();
        String id = requirePayment(d, "COUNTER", true, judicialRecordFee());
        for (String url : java.util.List.of("http://localhost.evil.example/steal", "http://localhost@evil.example/steal",
                "http://localhost:3000@evil.example/", "https://localhost:8443/thanh-toan", "http://localhost:3001/x",
                "ftp://localhost/x", "http://evil.example/http://localhost")) {
            given().auth().oauth2(d.token()).header("Idempotency-Key", "key-" + UUID.randomUUID()).contentType("application/json")
                    .body(Map.of("provider", "GATEWAY", "returnUrl", url)).post("/api/v1/payments/" + id + "/checkout")
                    .then().statusCode(org.hamcrest.Matchers.oneOf(400, 422));
        }
        assertThat(status(d, id)).isEqualTo("CREATED");
        given().auth().oauth2(d.token()).header("Idempotency-Key", "key-" + UUID.randomUUID()).contentType("application/json")
                .body(Map.of("provider", "GATEWAY", "returnUrl", "http://LOCALHOST/thanh-toan?x=1")).post("/api/v1/payments/" + id + "/checkout")
                .then().statusCode(201);
    }

    /**
     * Attack (issue 14 item 3): our own checkout URL is signed with the gateway secret over the same canonical query;
     * replayed to our return page it used to be redirected like a provider's response. Only the gateway's response
     * (with its result fields) is accepted; that one still brings the payer back to the frontend.
     */
    @Test
    void the_return_page_refuses_our_own_signed_checkout_url() {
        Dossier d = newDossier();
        String id = requirePayment(d, "COUNTER", true, judicialRecordFee());
        String redirect = checkout(d, id, "GATEWAY", "k-" + UUID.randomUUID()).then().statusCode(201).extract().path("redirectUrl");
        String ourQuery = java.net.URI.create(redirect).getRawQuery();
        given().urlEncodingEnabled(false).redirects().follow(false)
                .get("/api/v1/payments/callbacks/gateway/return?" + ourQuery).then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED"));

        String html = given().urlEncodingEnabled(false).redirects().follow(false).get(redirect).then().statusCode(200)
                .extract().asString();
        int at = html.indexOf("/sandbox/pay/") + "/sandbox/pay/".length();
        String providerReturn = complete(html.substring(at, html.indexOf('/', at)), "SUCCESS");
        String back = given().urlEncodingEnabled(false).redirects().follow(false).get(pathAndQuery(providerReturn)).then()
                .statusCode(303).extract().header("Location");
        assertThat(back).startsWith(RETURN_URL + "?paymentId=" + id);
    }
}
