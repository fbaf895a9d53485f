package vn.motcua.delivery.status;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.motcua.contracts.delivery.DeliveryEvents;
import vn.motcua.contracts.delivery.PostalOperatorMessages;
import vn.motcua.contracts.delivery.PostalOperatorMessages.StatusReport;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.events.Topics;
import vn.motcua.delivery.support.Api;
import vn.motcua.delivery.support.Events;
import vn.motcua.delivery.support.TestOperator;
import vn.motcua.delivery.support.TopicReader;
import vn.motcua.delivery.waybill.S10;
import vn.motcua.testing.DevTokens;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A result goes back to the applicant by post, end to end over real Kafka and PostgreSQL: the dossier event makes an
 * order, the test operator reads it from {@code postal.orders} and reports back over both paths — with a duplicate,
 * an out-of-order report, a failed attempt, a re-delivery, the delivery, and a late report after it.
 */
@QuarkusTest
class DeliveryJourneyTest {

    private static TopicReader postalOrders;
    private static TopicReader deliveryEvents;
    private final TestOperator vnpost = new TestOperator("VNPOST");

    @BeforeAll
    static void readers() {
        postalOrders = new TopicReader(Topics.POSTAL_ORDERS);
        deliveryEvents = new TopicReader(Topics.DELIVERY);
    }

    @AfterAll
    static void close() {
        postalOrders.close();
        deliveryEvents.close();
    }

    @Test
    void result_returned_by_post_through_failure_redelivery_and_delivery() {
        String citizen = "cd-" + UUID.randomUUID();
        Events.Dossier dossier = Events.Dossier.of(Events.BA_DINH, citizen);
        Events.resolvedForPost(dossier, "ONLINE", Events.address("01", "00007"));

        // --- the order, as the operator receives it
        JsonPath order = Api.awaitOrder(dossier.code(), "RESULT_RETURN", o -> "DISPATCHED".equals(o.getString("status")));
        String id = order.getString("id");
        String tracking = order.getString("trackingNumber");
        assertThat(S10.valid(tracking)).isTrue();
        assertThat(tracking).startsWith("EL").endsWith("VN");
        // same province, filed online (-20%), cash collected (+5 000): 22 000 × 0.8 + 5 000 = 22 600 → 23 000
        assertThat(order.getLong("postalFeeVnd")).isEqualTo(23_000);
        assertThat(order.getLong("cashOnDeliveryVnd")).isEqualTo(23_000);
        assertThat(order.getString("feePaidBy")).isEqualTo("RECEIVER");

        TopicReader.Received created = postalOrders.awaitOne(r -> tracking.equals(r.key())
                && PostalOperatorMessages.ORDER_CREATED.equals(r.event().type()));
        assertThat(created.event().specversion()).isEqualTo("1.0");
        assertThat(created.event().source()).isEqualTo("/postal-delivery-service");
        assertThat(created.event().subject()).isEqualTo(tracking);
        PostalOperatorMessages.PostalOrder message = CloudEventCodec.dataAs(created.event(), PostalOperatorMessages.PostalOrder.class);
        assertThat(message.orderNumber()).isEqualTo(dossier.code());
        assertThat(message.trackingNumber()).isEqualTo(tracking);
        assertThat(message.customerCode()).isEqualTo("C0012H29");
        assertThat(message.operatorCode()).isEqualTo("VNPOST");
        assertThat(message.kind()).isEqualTo("RESULT_RETURN");
        assertThat(message.sender().name()).isEqualTo("UBND phường Ba Đình");
        assertThat(message.sender().provinceCode()).isEqualTo("01");
        assertThat(message.sender().communeCode()).isEqualTo("00004");
        assertThat(message.receiver().name()).isEqualTo("Nguyễn Văn An");
        assertThat(message.receiver().communeCode()).isEqualTo("00007");
        assertThat(message.cashOnDeliveryVnd()).isEqualTo(23_000);
        assertThat(message.feePaidBy()).isEqualTo("RECEIVER");
        assertThat(message.parcel().description()).contains("Đăng ký khai sinh").contains(dossier.code());

        List<TopicReader.Received> ours = deliveryEvents.await(r -> dossier.id().equals(r.key()), 2, Duration.ofSeconds(30));
        assertThat(ours).extracting(r -> r.event().type()).startsWith(DeliveryEvents.REQUESTED, DeliveryEvents.DISPATCHED);
        DeliveryEvents.Requested requested = CloudEventCodec.dataAs(ours.get(0).event(), DeliveryEvents.Requested.class);
        assertThat(requested.order().dossierCode()).isEqualTo(dossier.code());
        assertThat(requested.order().kind()).isEqualTo("RESULT_RETURN");
        assertThat(requested.postalFeeVnd()).isEqualTo(23_000);

        // --- picked up (REST), then the same report again over Kafka: a duplicate
        OffsetDateTime t0 = OffsetDateTime.now(CloudEventCodec.ZONE).minusHours(3);
        StatusReport pickedUp = TestOperator.report(tracking, "PICKED_UP", t0);
        vnpost.overRest(List.of(pickedUp)).statusCode(200)
                .body("accepted", equalTo(1)).body("results[0].outcome", equalTo("APPLIED"))
                .body("results[0].orderStatus", equalTo("PICKED_UP"));
        vnpost.overRest(List.of(pickedUp)).statusCode(200).body("results[0].outcome", equalTo("DUPLICATE"));
        vnpost.overKafka(pickedUp);
        // in transit over Kafka: same key, same partition, so the duplicate above was handled first
        vnpost.overKafka(TestOperator.report(tracking, "IN_TRANSIT", t0.plusMinutes(30)));
        Api.awaitStatus(id, "IN_TRANSIT");

        // --- an older report arriving late never moves the order back
        vnpost.overRest(List.of(TestOperator.report(tracking, "PICKED_UP", t0.minusMinutes(10)))).statusCode(200)
                .body("results[0].outcome", equalTo("OUT_OF_ORDER")).body("results[0].orderStatus", equalTo("IN_TRANSIT"));

        // --- first attempt fails
        vnpost.overRest(List.of(TestOperator.failed(tracking, t0.plusMinutes(60), 1))).statusCode(200)
                .body("results[0].outcome", equalTo("APPLIED"));
        JsonPath failed = Api.order(id);
        assertThat(failed.getString("status")).isEqualTo("DELIVERY_FAILED");
        assertThat(failed.getInt("attempts")).isEqualTo(1);
        assertThat(failed.getString("failureReason")).isEqualTo("Người nhận vắng nhà");
        TopicReader.Received failedEvent = deliveryEvents.awaitOne(r -> dossier.id().equals(r.key())
                && DeliveryEvents.FAILED.equals(r.event().type()));
        DeliveryEvents.Failed failedPayload = CloudEventCodec.dataAs(failedEvent.event(), DeliveryEvents.Failed.class);
        assertThat(failedPayload.attempt()).isEqualTo(1);
        assertThat(failedPayload.reason()).isEqualTo("Người nhận vắng nhà");

        // --- the officer asks for another attempt; the operator is told
        given().auth().oauth2(Api.OFFICER_BA_DINH).contentType("application/json")
                .body(Map.of("version", failed.getLong("version"), "note", "Công dân hẹn nhận sau 17h"))
                .post("/api/v1/deliveries/" + id + "/redelivery").then().statusCode(200);
        TopicReader.Received redelivery = postalOrders.awaitOne(r -> tracking.equals(r.key())
                && PostalOperatorMessages.REDELIVERY_REQUESTED.equals(r.event().type()));
        assertThat(CloudEventCodec.dataAs(redelivery.event(), PostalOperatorMessages.RedeliveryRequested.class).attempt())
                .isEqualTo(2);
        given().auth().oauth2(Api.OFFICER_BA_DINH).contentType("application/json")
                .body(Map.of("version", Api.order(id).getLong("version")))
                .post("/api/v1/deliveries/" + id + "/redelivery").then().statusCode(409)
                .body("code", equalTo("REDELIVERY_ALREADY_REQUESTED"));

        // --- delivered on the second attempt (Kafka), with proof
        vnpost.overKafka(TestOperator.delivered(tracking, t0.plusMinutes(120), 2));
        JsonPath delivered = Api.awaitStatus(id, "DELIVERED");
        assertThat(delivered.getString("proof.receiverName")).isEqualTo("Nguyễn Văn An");
        assertThat(delivered.getString("proof.relation")).isEqualTo("SELF");
        assertThat(delivered.getString("proof.reference")).isEqualTo("sig/" + tracking + ".png");
        assertThat(delivered.getInt("attempts")).isEqualTo(2);
        TopicReader.Received deliveredEvent = deliveryEvents.awaitOne(r -> dossier.id().equals(r.key())
                && DeliveryEvents.DELIVERED.equals(r.event().type()));
        DeliveryEvents.Delivered proof = CloudEventCodec.dataAs(deliveredEvent.event(), DeliveryEvents.Delivered.class);
        assertThat(proof.order().kind()).isEqualTo("RESULT_RETURN");
        assertThat(proof.order().dossierId()).isEqualTo(dossier.id());
        assertThat(proof.order().status()).isEqualTo("DELIVERED");
        assertThat(proof.receiverName()).isEqualTo("Nguyễn Văn An");
        assertThat(proof.deliveredAt().toInstant()).isEqualTo(t0.plusMinutes(120).toInstant());

        // --- a late failure report after delivery: kept in the timeline, the order stays delivered
        vnpost.overRest(List.of(TestOperator.failed(tracking, t0.plusMinutes(90), 2))).statusCode(200)
                .body("results[0].outcome", equalTo("IGNORED_TERMINAL")).body("results[0].orderStatus", equalTo("DELIVERED"));

        // --- the citizen tracks it by dossier code, with the whole timeline in carrier time order
        JsonPath tracked = given().auth().oauth2(DevTokens.citizen(citizen))
                .get("/api/v1/deliveries/by-dossier/" + dossier.code()).then().statusCode(200).extract().jsonPath();
        assertThat(tracked.getList("$")).hasSize(1);
        assertThat(tracked.getString("[0].status")).isEqualTo("DELIVERED");
        List<Map<String, Object>> reports = tracked.<Map<String, Object>>getList("[0].timeline").stream()
                .filter(line -> "STATUS_REPORT".equals(line.get("entry"))).toList();
        assertThat(reports).extracting(line -> line.get("status") + ":" + line.get("applied")).containsExactly(
                "PICKED_UP:false", "PICKED_UP:true", "IN_TRANSIT:true", "DELIVERY_FAILED:true", "DELIVERY_FAILED:false",
                "DELIVERED:true");
        assertThat(reports).extracting(line -> line.get("source")).contains("OPERATOR_API", "OPERATOR_KAFKA");

        // --- nobody else sees it
        given().auth().oauth2(DevTokens.citizen("cd-" + UUID.randomUUID()))
                .get("/api/v1/deliveries/by-dossier/" + dossier.code()).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().auth().oauth2(DevTokens.citizen("cd-" + UUID.randomUUID()))
                .get("/api/v1/deliveries/" + id).then().statusCode(404);
        given().auth().oauth2(DevTokens.officer("cb-009", "000.21.27.H29"))
                .get("/api/v1/deliveries/" + id).then().statusCode(404);
        given().get("/api/v1/deliveries/by-dossier/" + dossier.code()).then().statusCode(401);
        given().auth().oauth2(DevTokens.citizen(citizen)).get("/api/v1/deliveries").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id));
    }

    @Test
    void documents_of_a_postal_submission_are_picked_up_from_the_applicant() {
        Events.Dossier dossier = Events.Dossier.of(Events.BA_DINH, "cd-" + UUID.randomUUID());
        Events.submittedByPost(dossier, Events.address("01", "00010"));

        JsonPath order = Api.awaitOrder(dossier.code(), "DOCUMENT_PICKUP", o -> "DISPATCHED".equals(o.getString("status")));
        assertThat(order.getString("sender.name")).isEqualTo("Nguyễn Văn An");
        assertThat(order.getString("sender.communeCode")).isEqualTo("00010");
        assertThat(order.getString("receiver.name")).isEqualTo("UBND phường Ba Đình");
        // not filed online: no discount; the sender pays at pickup, nothing is collected on delivery
        assertThat(order.getLong("postalFeeVnd")).isEqualTo(27_000);
        assertThat(order.getString("feePaidBy")).isEqualTo("SENDER");
        assertThat(order.getLong("cashOnDeliveryVnd")).isZero();
        String tracking = order.getString("trackingNumber");
        PostalOperatorMessages.PostalOrder message = CloudEventCodec.dataAs(postalOrders.awaitOne(r -> tracking.equals(r.key())
                && PostalOperatorMessages.ORDER_CREATED.equals(r.event().type())).event(), PostalOperatorMessages.PostalOrder.class);
        assertThat(message.kind()).isEqualTo("DOCUMENT_PICKUP");
        assertThat(message.feePaidBy()).isEqualTo("SENDER");

        // the same event delivered again (another event id, e.g. a replay by dossier-service) makes no second parcel
        Events.submittedByPost(dossier, Events.address("01", "00010"));
        List<TopicReader.Received> requested = deliveryEvents.settle(r -> dossier.id().equals(r.key())
                && DeliveryEvents.REQUESTED.equals(r.event().type()), Duration.ofSeconds(3));
        assertThat(requested).hasSize(1);
        given().auth().oauth2(Api.ADMIN).queryParam("dossierCode", dossier.code()).get("/api/v1/deliveries")
                .then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void a_postal_fee_paid_online_is_prepaid_whether_the_payment_comes_before_or_after_the_order() {
        // payment before the result is ready
        Events.Dossier early = Events.Dossier.of("000.21.27.H29", "cd-" + UUID.randomUUID());
        Events.postalFeePaid(early, 25_000);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> prepaid(early.id()));
        Events.resolvedForPost(early, "ONLINE", Events.address("79", "26734"));
        JsonPath order = Api.awaitOrder(early.code(), "RESULT_RETURN", o -> "DISPATCHED".equals(o.getString("status")));
        assertThat(order.getString("feePaidBy")).isEqualTo("PREPAID");
        assertThat(order.getLong("postalFeeVnd")).isEqualTo(25_000);
        assertThat(order.getLong("cashOnDeliveryVnd")).isZero();
        assertThat(order.getString("sender.name")).isEqualTo("Sở Tư pháp thành phố Hà Nội");

        // payment after the order was handed to the operator: the operator receives an amended order
        Events.Dossier late = Events.Dossier.of(Events.BA_DINH, "cd-" + UUID.randomUUID());
        Events.resolvedForPost(late, "COUNTER", Events.address("79", "26734"));
        JsonPath before = Api.awaitOrder(late.code(), "RESULT_RETURN", o -> "DISPATCHED".equals(o.getString("status")));
        assertThat(before.getLong("cashOnDeliveryVnd")).isEqualTo(37_000); // other province 32 000 + cash 5 000
        Events.postalFeePaid(late, 30_000);
        JsonPath after = Api.awaitOrder(late.code(), "RESULT_RETURN", o -> "PREPAID".equals(o.getString("feePaidBy")));
        assertThat(after.getLong("cashOnDeliveryVnd")).isZero();
        String tracking = after.getString("trackingNumber");
        PostalOperatorMessages.OrderAmended amended = CloudEventCodec.dataAs(postalOrders.awaitOne(r -> tracking.equals(r.key())
                && PostalOperatorMessages.ORDER_AMENDED.equals(r.event().type())).event(), PostalOperatorMessages.OrderAmended.class);
        assertThat(amended.change()).isEqualTo("FEE_PREPAID");
        assertThat(amended.order().cashOnDeliveryVnd()).isZero();
        assertThat(amended.order().feePaidBy()).isEqualTo("PREPAID");
    }

    /**
     * Attack: a payment that names the postal line but is not the dossier's own fee obligation (an officer's extra
     * obligation with a POSTAL_RETURN line, or a fee payment short of its obligation) must not make the order
     * prepaid with nothing to collect. Both are audited on the order; the real fee payment then prepays it.
     */
    @Test
    void only_the_dossier_fee_obligation_paid_in_full_prepays_the_postal_return() {
        Events.Dossier dossier = Events.Dossier.of(Events.BA_DINH, "cd-" + UUID.randomUUID());
        Events.resolvedForPost(dossier, "COUNTER", Events.address("79", "26734"));
        JsonPath before = Api.awaitOrder(dossier.code(), "RESULT_RETURN", o -> "DISPATCHED".equals(o.getString("status")));
        String id = before.getString("id");
        Events.postalFeePaid(dossier, 30_000, vn.motcua.contracts.payment.PaymentEvents.KIND_EXTRA, 230_000);
        Events.postalFeePaid(dossier, 30_000, vn.motcua.contracts.payment.PaymentEvents.KIND_DOSSIER_FEE, 1_000);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(io.restassured.RestAssured
                .given().auth().oauth2(Api.OFFICER_BA_DINH).get("/api/v1/deliveries/" + id + "/audit").then().statusCode(200)
                .extract().jsonPath().<String>getList("action")).filteredOn("PREPAYMENT_IGNORED"::equals).hasSize(2));
        JsonPath unchanged = Api.order(id);
        assertThat(unchanged.getString("feePaidBy")).isNotEqualTo("PREPAID");
        assertThat(unchanged.getLong("cashOnDeliveryVnd")).isEqualTo(37_000);
        assertThat(prepaid(dossier.id())).isFalse();

        Events.postalFeePaid(dossier, 30_000);
        JsonPath after = Api.awaitOrder(dossier.code(), "RESULT_RETURN", o -> "PREPAID".equals(o.getString("feePaidBy")));
        assertThat(after.getLong("cashOnDeliveryVnd")).isZero();
    }

    @Test
    void a_withdrawn_postal_submission_cancels_the_pickup_and_tells_the_operator() {
        Events.Dossier dossier = Events.Dossier.of(Events.BA_DINH, "cd-" + UUID.randomUUID());
        Events.submittedByPost(dossier, Events.address("01", "00010"));
        JsonPath order = Api.awaitOrder(dossier.code(), "DOCUMENT_PICKUP", o -> "DISPATCHED".equals(o.getString("status")));
        String tracking = order.getString("trackingNumber");
        Events.withdrawn(dossier, "Công dân rút hồ sơ");
        Api.awaitStatus(order.getString("id"), "CANCELLED");
        PostalOperatorMessages.OrderCancelled cancelled = CloudEventCodec.dataAs(postalOrders.awaitOne(r -> tracking.equals(r.key())
                && PostalOperatorMessages.ORDER_CANCELLED.equals(r.event().type())).event(), PostalOperatorMessages.OrderCancelled.class);
        assertThat(cancelled.reason()).contains("Công dân rút hồ sơ");
    }

    @Test
    void failed_attempts_then_returned_to_the_sender() {
        Events.Dossier dossier = Events.Dossier.of(Events.BA_DINH, "cd-" + UUID.randomUUID());
        Events.resolvedForPost(dossier, "ONLINE", Events.address("01", "00007"));
        JsonPath order = Api.awaitOrder(dossier.code(), "RESULT_RETURN", o -> "DISPATCHED".equals(o.getString("status")));
        String tracking = order.getString("trackingNumber");
        OffsetDateTime t0 = OffsetDateTime.now(CloudEventCodec.ZONE).minusDays(3);
        StatusReport returned = new StatusReport("r-" + UUID.randomUUID(), null, tracking, dossier.code(), "RETURNED",
                "RT-9", null, t0.plusDays(2), "Không liên lạc được người nhận", null, null, null);
        vnpost.overRest(List.of(TestOperator.report(tracking, "PICKED_UP", t0),
                        TestOperator.failed(tracking, t0.plusHours(5), 1),
                        TestOperator.failed(tracking, t0.plusHours(29), 2),
                        TestOperator.report(tracking, "RETURNING", t0.plusHours(30)),
                        returned))
                .statusCode(200).body("accepted", equalTo(5))
                .body("results.outcome", org.hamcrest.Matchers.everyItem(equalTo("APPLIED")));
        JsonPath after = Api.order(order.getString("id"));
        assertThat(after.getString("status")).isEqualTo("RETURNED");
        assertThat(after.getInt("attempts")).isEqualTo(2);
        DeliveryEvents.Returned event = CloudEventCodec.dataAs(deliveryEvents.awaitOne(r -> dossier.id().equals(r.key())
                && DeliveryEvents.RETURNED.equals(r.event().type())).event(), DeliveryEvents.Returned.class);
        assertThat(event.reason()).isEqualTo("Không liên lạc được người nhận");
        assertThat(event.order().status()).isEqualTo("RETURNED");
    }

    @Test
    void the_same_report_sent_over_both_paths_at_once_is_applied_exactly_once() throws Exception {
        Events.Dossier dossier = Events.Dossier.of(Events.BA_DINH, "cd-" + UUID.randomUUID());
        Events.resolvedForPost(dossier, "ONLINE", Events.address("01", "00007"));
        JsonPath order = Api.awaitOrder(dossier.code(), "RESULT_RETURN", o -> "DISPATCHED".equals(o.getString("status")));
        String tracking = order.getString("trackingNumber");
        StatusReport pickedUp = TestOperator.report(tracking, "PICKED_UP", OffsetDateTime.now(CloudEventCodec.ZONE).minusMinutes(3));
        var executor = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> sent = List.of(
                    executor.submit(() -> vnpost.overKafka(pickedUp)),
                    executor.submit(() -> vnpost.overRest(List.of(pickedUp)).statusCode(200)),
                    executor.submit(() -> vnpost.overRest(List.of(pickedUp)).statusCode(200)),
                    executor.submit(() -> vnpost.overKafka(pickedUp)));
            for (var future : sent) {
                future.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            executor.shutdown();
        }
        // a later report over Kafka (same partition as the copies there) marks when those were handled
        vnpost.overKafka(TestOperator.report(tracking, "IN_TRANSIT", OffsetDateTime.now(CloudEventCodec.ZONE).minusMinutes(1)));
        JsonPath after = Api.awaitStatus(order.getString("id"), "IN_TRANSIT");
        assertThat(after.<Map<String, Object>>getList("timeline").stream()
                .filter(line -> pickedUp.reportId().equals(line.get("reportId")))).hasSize(1);
        List<TopicReader.Received> changes = deliveryEvents.settle(r -> dossier.id().equals(r.key())
                && DeliveryEvents.STATUS_CHANGED.equals(r.event().type()), Duration.ofSeconds(2));
        assertThat(changes).hasSize(2);
    }

    private static boolean prepaid(String dossierId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                !io.quarkus.arc.Arc.container().instance(jakarta.persistence.EntityManager.class).get()
                        .createNativeQuery("select 1 from postal_prepayment where dossier_id = ?1")
                        .setParameter(1, dossierId).getResultList().isEmpty());
    }
}
