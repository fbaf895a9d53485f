package vn.motcua.payment;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.payment.sandbox.SandboxLedger;
import vn.motcua.payment.sandbox.SandboxLedger.Protocol;
import vn.motcua.payment.sandbox.SandboxLedger.State;
import vn.motcua.payment.sandbox.SandboxLedger.Txn;
import vn.motcua.testing.DevTokens;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static vn.motcua.payment.PaymentFixtures.*;

/**
 * Issue 15 item 6: the SANDBOX provider's books are in the database, so two payment-service instances (the local
 * stack runs two behind the gateway) play one provider. The running application is instance 1; instance 2 is a second
 * {@link SandboxLedger} built over the same database, as another process would have it. With the old in-memory
 * ledger, instance 2 knew none of instance 1's transactions, refunds or controls.
 */
@QuarkusTest
class SandboxSharedLedgerTest {

    static final String OFFICER = DevTokens.officer("cb-sandbox-shared", AGENCY);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    SandboxLedger instance1;
    @Inject
    Db db;

    @AfterEach
    void providerBackToNormal() {
        control(0, 0);
    }

    static void control(long apiDelayMillis, long answerDelayMillis) {
        given().contentType("application/json").body(Map.of("apiDelayMillis", apiDelayMillis, "answerDelayMillis", answerDelayMillis))
                .post("/sandbox/control").then().statusCode(200);
    }

    /**
     * A checkout opened through instance 1 is seen and paid through instance 2; instance 1 then refuses to pay it
     * again, notifies payment-service of it and refunds it; instance 2 recognises that refund's request id and pays
     * nothing twice.
     */
    @Test
    void a_checkout_opened_on_one_instance_is_paid_notified_and_refunded_through_the_other() {
        SandboxLedger instance2 = new SandboxLedger(dataSource);
        Dossier d = newDossier();
        String id = requirePayment(d, "POST", true, judicialRecordFee());
        String no = startAndOpenProviderPage(d, id, "GATEWAY");
        String reference = given().auth().oauth2(d.token()).get("/api/v1/payments/" + id).then().extract().path("reference");

        Txn opened = instance2.byNumber(no).orElseThrow();
        assertThat(opened.state).isEqualTo(State.PENDING);
        assertThat(opened.amountVnd).isEqualTo(224_000);
        assertThat(instance2.byReference(Protocol.GATEWAY, reference).orElseThrow().transactionNo).isEqualTo(no);
        // the payer reloads the page through the other instance: the same transaction
        assertThat(instance2.open(Protocol.GATEWAY, reference, null, 224_000, opened.returnUrl, opened.notifyUrl,
                opened.orderInfo).transactionNo).isEqualTo(no);

        assertThat(instance2.finish(no, State.SUCCESS, OffsetDateTime.now(CloudEventCodec.ZONE), "00")).isPresent();
        // instance 1 sees it paid: no second payment, and it sends the notification payment-service acts on
        given().redirects().follow(false).queryParam("outcome", "SUCCESS").get("/sandbox/pay/" + no + "/complete")
                .then().statusCode(409).body(containsString("already SUCCESS"));
        given().post("/sandbox/transactions/" + no + "/notify").then().statusCode(200);
        assertThat(status(d, id)).isEqualTo("SUCCEEDED");

        // refunded through payment-service and instance 1 ...
        given().auth().oauth2(OFFICER).contentType("application/json")
                .body(Map.of("amountVnd", 24000, "expectedRefundableVnd", 224000, "reason", "Hoàn phí chuyển phát"))
                .post("/api/v1/payments/" + id + "/refunds").then().statusCode(201).body("status", equalTo("REFUNDED"));
        // the gateway's request id is the refund's own id, without its dashes
        String refundId = db.text("select id from refund where payment_id = '" + id + "'").replace("-", "");
        Txn refunded = instance2.byNumber(no).orElseThrow();
        assertThat(refunded.refundedVnd).isEqualTo(24_000);
        assertThat(refunded.refunds).containsOnlyKeys(refundId);
        // ... and the same refund request sent again through instance 2 answers the same refund and moves no money
        assertThat(instance2.refund(Protocol.GATEWAY, reference, 24_000, refundId)).isEqualTo(refunded.refunds.get(refundId));
        assertThat(instance1.byNumber(no).orElseThrow().refundedVnd).isEqualTo(24_000);
    }

    /** Concurrent opens, finishes and refunds through both instances: the database decides, once. */
    @Test
    void concurrent_calls_through_both_instances_open_pay_and_refund_once() throws Exception {
        SandboxLedger instance2 = new SandboxLedger(dataSource);
        List<SandboxLedger> instances = List.of(instance1, instance2);
        String reference = "shared-" + UUID.randomUUID();

        List<Txn> opened = together(8, i -> instances.get(i % 2).open(Protocol.NPP, reference, "order-1", 100_000,
                "http://localhost/return", "http://localhost/notify", "SANDBOX shared"));
        String no = opened.get(0).transactionNo;
        assertThat(opened).allSatisfy(t -> assertThat(t.transactionNo).isEqualTo(no));

        List<Boolean> finished = together(8, i -> instances.get(i % 2)
                .finish(no, i % 3 == 0 ? State.CANCELLED : State.SUCCESS, OffsetDateTime.now(CloudEventCodec.ZONE), "00")
                .isPresent());
        assertThat(finished).containsOnlyOnce(true);
        // make sure it is paid whichever finish won, for the refunds below
        db.update("update sandbox_transaction set state = 'SUCCESS' where transaction_no = '" + no + "'");

        // one refund request id, sent eight times through both instances: one refund
        List<String> same = together(8, i -> instances.get(i % 2).refund(Protocol.NPP, reference, 40_000, "refund-same"));
        assertThat(same.get(0)).startsWith("R");
        assertThat(same).allSatisfy(r -> assertThat(r).isEqualTo(same.get(0)));
        assertThat(instance2.byNumber(no).orElseThrow().refundedVnd).isEqualTo(40_000);

        // eight different requests of 40 000 for the 60 000 left: exactly one fits
        List<String> different = together(8, i -> instances.get(i % 2).refund(Protocol.NPP, reference, 40_000, "refund-" + i));
        assertThat(different.stream().filter(r -> !r.isEmpty())).hasSize(1);
        Txn after = instance1.byNumber(no).orElseThrow();
        assertThat(after.refundedVnd).isEqualTo(80_000);
        assertThat(after.refunds).hasSize(2);
    }

    /** The tester's controls set through one instance apply to the other (the gateway may route either way). */
    @Test
    void controls_set_through_one_instance_apply_to_the_other() {
        SandboxLedger instance2 = new SandboxLedger(dataSource);
        control(1_500, 2_500);
        assertThat(instance2.apiDelayMillis()).isEqualTo(1_500);
        assertThat(instance2.answerDelayMillis()).isEqualTo(2_500);
        instance2.apiDelayMillis(0);
        instance2.answerDelayMillis(0);
        assertThat(instance1.apiDelayMillis()).isZero();
        assertThat(instance1.answerDelayMillis()).isZero();
    }

    interface Call<T> {
        T run(int i) throws Exception;
    }

    /** Runs n calls at once (released together by a latch) and answers their results in order. */
    static <T> List<T> together(int n, Call<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<T> task = () -> {
                    start.await();
                    return call.run(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
