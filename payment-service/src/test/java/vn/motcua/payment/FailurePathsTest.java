package vn.motcua.payment;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.payment.PaymentEvents;
import vn.motcua.payment.payment.PaymentJobs;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static vn.motcua.payment.PaymentFixtures.*;

/** Every way a payment can end other than a plain success, driven through the sandbox over HTTP. */
@QuarkusTest
class FailurePathsTest {

    @Inject
    PaymentJobs jobs;
    @Inject
    Db db;

    @Test
    void a_declined_payment_fails_and_a_new_attempt_can_then_succeed() {
        Dossier d = newDossier();
        String first = requirePayment(d, "COUNTER", true, judicialRecordFee());
        String txn = startAndOpenProviderPage(d, first, "GATEWAY");
        complete(txn, "FAILURE");
        given().auth().oauth2(d.token()).get("/api/v1/payments/" + first).then()
                .body("status", equalTo("FAILED")).body("failureReason", startsWith("DECLINED"));
        List<CloudEvent> failed = awaitEvents(e -> e.type().equals(PaymentEvents.FAILED) && d.dossierId().equals(e.subject()), 1);
        assertThat(CloudEventCodec.dataAs(failed.get(0), PaymentEvents.Failed.class).reason()).startsWith("DECLINED");

        // checking out the failed payment opens attempt 2 (Location names it)
        var second = checkout(d, first, "GATEWAY", "retry-" + first);
        second.then().statusCode(201).body("attempt", equalTo(2)).body("status", equalTo("PENDING"));
        String secondId = second.path("id");
        assertThat(secondId).isNotEqualTo(first);
        assertThat(second.header("Location")).endsWith("/api/v1/payments/" + secondId);
        String redirect = second.path("redirectUrl");
        String html = given().urlEncodingEnabled(false).get(redirect).then().statusCode(200).extract().asString();
        int at = html.indexOf("/sandbox/pay/") + "/sandbox/pay/".length();
        complete(html.substring(at, html.indexOf('/', at)), "SUCCESS");
        assertThat(status(d, secondId)).isEqualTo("SUCCEEDED");
        assertThat(status(d, first)).isEqualTo("FAILED");
    }

    @Test
    void a_payment_cancelled_by_the_payer_is_cancelled() {
        Dossier d = newDossier();
        String id = requirePayment(d, "COUNTER", true, judicialRecordFee());
        String back = complete(startAndOpenProviderPage(d, id, "NPP"), "CANCEL");
        given().auth().oauth2(d.token()).get("/api/v1/payments/" + id).then()
                .body("status", equalTo("CANCELLED")).body("failureReason", startsWith("CANCELLED_BY_PAYER"));
        String frontend = given().urlEncodingEnabled(false).redirects().follow(false).get(pathAndQuery(back)).then()
                .statusCode(303).extract().header("Location");
        assertThat(frontend).endsWith("status=CANCELLED");
    }

    @Test
    void a_provider_that_never_answers_is_queried_and_the_payment_times_out() {
        Dossier d = newDossier();
        String id = requirePayment(d, "COUNTER", true, judicialRecordFee());
        complete(startAndOpenProviderPage(d, id, "GATEWAY"), "TIMEOUT");
        assertThat(status(d, id)).isEqualTo("PENDING");

        // queried after 5 minutes: the provider still says pending, and the attempt timeout (30 min) has not passed
        db.update("update payment set started_at = now() - interval '10 minutes' where id = '" + id + "'");
        jobs.queryPending();
        assertThat(status(d, id)).isEqualTo("PENDING");
        assertThat(db.count("select count(*) from payment where id = '" + id + "' and last_queried_at is not null")).isEqualTo(1);

        db.update("update payment set started_at = now() - interval '40 minutes', last_queried_at = null where id = '" + id + "'");
        jobs.queryPending();
        given().auth().oauth2(d.token()).get("/api/v1/payments/" + id).then()
                .body("status", equalTo("FAILED")).body("failureReason", startsWith("TIMEOUT"));
    }

    @Test
    void a_late_notification_after_the_query_settled_the_payment_changes_nothing() {
        Dossier d = newDossier();
        String id = requirePayment(d, "COUNTER", true, judicialRecordFee());
        String txn = startAndOpenProviderPage(d, id, "GATEWAY");
        complete(txn, "LATE");
        assertThat(status(d, id)).isEqualTo("PENDING");

        db.update("update payment set started_at = now() - interval '10 minutes' where id = '" + id + "'");
        jobs.queryPending();
        given().auth().oauth2(d.token()).get("/api/v1/payments/" + id).then().body("status", equalTo("SUCCEEDED"))
                .body("late", equalTo(false));
        given().auth().oauth2(d.token()).get("/api/v1/payments/" + id + "/history").then().body("actor[2]", equalTo("query:GATEWAY"));

        String ack = given().post("/sandbox/transactions/" + txn + "/notify").then().statusCode(200).extract().asString();
        assertThat(ack).contains("\"RspCode\":\"02\"");
        assertThat(db.count("select count(*) from payment_receipt where payment_id = '" + id + "'")).isEqualTo(1);
        assertThat(db.text("select verdict from provider_notification where payment_id = '" + id + "' order by id desc limit 1"))
                .isEqualTo("DUPLICATE");
    }

    @Test
    void an_unpaid_obligation_expires_and_a_success_arriving_afterwards_is_still_recorded() {
        Dossier d = newDossier();
        String id = requirePayment(d, "COUNTER", true, judicialRecordFee());
        String txn = startAndOpenProviderPage(d, id, "GATEWAY");
        complete(txn, "TIMEOUT");

        db.update("update payment_obligation set expires_at = now() - interval '1 minute' where id = "
                + "(select obligation_id from payment where id = '" + id + "')");
        assertThat(jobs.expireDue()).isGreaterThanOrEqualTo(1);
        assertThat(status(d, id)).isEqualTo("EXPIRED");
        List<CloudEvent> expired = awaitEvents(e -> e.type().equals(PaymentEvents.EXPIRED) && d.dossierId().equals(e.subject()), 1);
        assertThat(CloudEventCodec.dataAs(expired.get(0), PaymentEvents.Expired.class).payment().status()).isEqualTo("EXPIRED");
        // no new attempt once the window has closed
        checkout(d, id, "GATEWAY", "after-expiry-" + id).then().statusCode(422).body("code", equalTo("PAYMENT_WINDOW_CLOSED"));

        // the payer completes at the provider after all: the money was taken, so it is recorded (marked late)
        complete(txn, "SUCCESS");
        given().auth().oauth2(d.token()).get("/api/v1/payments/" + id).then().body("status", equalTo("SUCCEEDED"))
                .body("late", equalTo(true));
        assertThat(db.text("select verdict from provider_notification where payment_id = '" + id + "' order by id desc limit 1"))
                .isEqualTo("LATE_ACCEPTED");
        assertThat(awaitEvents(e -> e.type().equals(PaymentEvents.SUCCEEDED) && d.dossierId().equals(e.subject()), 1)).hasSize(1);
    }

    @Test
    void at_expiry_a_payment_the_provider_reports_paid_is_settled_instead_of_expired() {
        Dossier d = newDossier();
        String id = requirePayment(d, "COUNTER", true, judicialRecordFee());
        complete(startAndOpenProviderPage(d, id, "NPP"), "LATE");
        db.update("update payment_obligation set expires_at = now() - interval '1 minute' where id = "
                + "(select obligation_id from payment where id = '" + id + "')");
        jobs.expireDue();
        given().auth().oauth2(d.token()).get("/api/v1/payments/" + id).then().body("status", equalTo("SUCCEEDED"))
                .body("late", equalTo(false));
        given().auth().oauth2(d.token()).get("/api/v1/payments/" + id + "/history").then().body("actor[2]", equalTo("query:NPP"));
        assertThat(db.count("select count(*) from payment_obligation o join payment p on p.obligation_id = o.id "
                + "where p.id = '" + id + "' and o.status = 'PAID'")).isEqualTo(1);
        assertThat(db.count("select count(*) from outbox_event where event_type = '" + PaymentEvents.EXPIRED
                + "' and event_key = '" + d.dossierId() + "'")).isZero();
    }

    @Test
    void the_platform_check_call_settles_a_payment_whose_notification_never_came() {
        Dossier d = newDossier();
        String id = requirePayment(d, "COUNTER", true, judicialRecordFee());
        String txn = startAndOpenProviderPage(d, id, "NPP");
        complete(txn, "LATE");
        db.update("update payment set started_at = now() - interval '10 minutes' where id = '" + id + "'");
        jobs.queryPending();
        given().auth().oauth2(d.token()).get("/api/v1/payments/" + id).then().body("status", equalTo("SUCCEEDED"))
                .body("providerTransactionId", equalTo(txn));
        String ack = given().post("/sandbox/transactions/" + txn + "/notify").then().statusCode(200).extract().asString();
        assertThat(ack).contains("\"code\":\"04\"");
    }

    @Test
    void a_timed_out_attempt_completing_after_another_one_paid_is_put_up_for_a_full_refund() {
        Dossier d = newDossier();
        String first = requirePayment(d, "COUNTER", true, judicialRecordFee());
        String firstTxn = startAndOpenProviderPage(d, first, "GATEWAY");
        complete(firstTxn, "TIMEOUT");
        db.update("update payment set started_at = now() - interval '40 minutes' where id = '" + first + "'");
        jobs.queryPending();
        assertThat(status(d, first)).isEqualTo("FAILED");

        var second = checkout(d, first, "GATEWAY", "second-" + first).then().statusCode(201).extract();
        String secondId = second.path("id");
        String html = given().urlEncodingEnabled(false).get(second.<String>path("redirectUrl")).then().extract().asString();
        int at = html.indexOf("/sandbox/pay/") + "/sandbox/pay/".length();
        complete(html.substring(at, html.indexOf('/', at)), "SUCCESS");
        assertThat(status(d, secondId)).isEqualTo("SUCCEEDED");

        complete(firstTxn, "SUCCESS"); // the payer had finished the first attempt too: paid twice
        given().auth().oauth2(d.token()).get("/api/v1/payments/" + first).then().body("status", equalTo("REFUND_REQUESTED"))
                .body("late", equalTo(true));
        given().auth().oauth2(d.token()).get("/api/v1/payments/" + first + "/refunds").then()
                .body("status", equalTo(List.of("AWAITING_APPROVAL"))).body("amountVnd", equalTo(List.of(200000)))
                .body("requestedBy", equalTo(List.of("system")));
        assertThat(db.count("select count(*) from outbox_event where event_type = '" + PaymentEvents.SUCCEEDED
                + "' and event_key = '" + d.dossierId() + "'")).isEqualTo(1);
    }

    @Test
    void a_provider_that_does_not_answer_in_time_leaves_the_payment_untouched() {
        Dossier d = newDossier();
        String id = requirePayment(d, "COUNTER", true, judicialRecordFee());
        given().contentType("application/json").body(Map.of("apiDelayMillis", 3000)).post("/sandbox/control").then().statusCode(200);
        try {
            checkout(d, id, "NPP", "slow-" + id).then().statusCode(502).body("code", equalTo("PROVIDER_UNAVAILABLE"));
        } finally {
            given().contentType("application/json").body(Map.of("apiDelayMillis", 0)).post("/sandbox/control").then().statusCode(200);
        }
        assertThat(status(d, id)).isEqualTo("CREATED");
        // nothing was stored under the key either: the same request now goes through
        checkout(d, id, "NPP", "slow-" + id).then().statusCode(201).body("status", equalTo("PENDING"));
    }
}
