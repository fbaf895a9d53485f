package vn.motcua.dossier;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.motcua.contracts.appointment.AppointmentEvents;
import vn.motcua.contracts.common.Applicant;
import vn.motcua.contracts.common.FeeLine;
import vn.motcua.contracts.delivery.DeliveryEvents;
import vn.motcua.contracts.dossier.DossierEvents;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.events.Topics;
import vn.motcua.contracts.payment.PaymentEvents;
import vn.motcua.testing.DevTokens;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.motcua.dossier.Fixtures.as;

/** Events of other services, produced for real to their topics, and their effect on the dossier. */
@QuarkusTest
class ConsumedEventsTest {

    static final Applicant PAYER = new Applicant("cd-001", "Nguyễn Văn An", "an.nguyen@example.vn", "0912345678", "vi");

    static PaymentEvents.PaymentRef payment(String dossierId, String paymentId) {
        return payment(dossierId, paymentId, PaymentEvents.KIND_DOSSIER_FEE, Fixtures.SO_TU_PHAP, 200000);
    }

    static PaymentEvents.PaymentRef payment(String dossierId, String paymentId, String kind, String agency, long amount) {
        return new PaymentEvents.PaymentRef(paymentId, dossierId, null, agency, "Cấp Phiếu lý lịch tư pháp",
                PAYER, amount, List.of(new FeeLine("LP_LLTP", "Phí", amount)), "SUCCEEDED", UUID.randomUUID().toString(),
                kind, amount);
    }

    /**
     * Attack: a payment that is not the dossier's own fee (an officer's extra 1 000 đ bill, a short amount, another
     * agency's obligation, an event that does not say what was paid) must not settle a 200 000 đ dossier. Each is
     * recorded in the audit trail and the dossier keeps waiting; the real fee payment then settles it.
     */
    @Test
    void only_a_payment_of_the_dossier_fee_covering_it_settles_the_dossier() {
        String citizen = Fixtures.citizen(Fixtures.unique("cd"));
        String id = awaitingPayment(citizen);
        String admin = DevTokens.admin("ad-1");
        List<PaymentEvents.PaymentRef> wrong = List.of(
                payment(id, UUID.randomUUID().toString(), PaymentEvents.KIND_EXTRA, Fixtures.SO_TU_PHAP, 1000),
                payment(id, UUID.randomUUID().toString(), PaymentEvents.KIND_EXTRA, Fixtures.SO_TU_PHAP, 500000),
                payment(id, UUID.randomUUID().toString(), PaymentEvents.KIND_DOSSIER_FEE, Fixtures.SO_TU_PHAP, 1000),
                payment(id, UUID.randomUUID().toString(), PaymentEvents.KIND_DOSSIER_FEE, "000.00.99.X99", 200000),
                new PaymentEvents.PaymentRef(UUID.randomUUID().toString(), id, null, Fixtures.SO_TU_PHAP, "x", PAYER,
                        200000, List.of(), "SUCCEEDED"));
        for (PaymentEvents.PaymentRef ref : wrong) {
            Fixtures.produce(Topics.PAYMENT, id, CloudEventCodec.create("/payment-service", PaymentEvents.SUCCEEDED, id,
                    new PaymentEvents.Succeeded(ref, "VNPAY", "tx-" + ref.paymentId(), "BL-X", OffsetDateTime.now())));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(as(admin).get("/api/v1/dossiers/" + id + "/audit")
                .then().extract().jsonPath().<String>getList("action").stream()
                .filter("payment-succeeded-ignored"::equals).count()).isEqualTo(wrong.size()));
        as(citizen).get("/api/v1/dossiers/" + id).then().body("status", equalTo("AWAITING_PAYMENT"))
                .body("paidAt", org.hamcrest.Matchers.nullValue());

        Fixtures.produce(Topics.PAYMENT, id, CloudEventCodec.create("/payment-service", PaymentEvents.SUCCEEDED, id,
                new PaymentEvents.Succeeded(payment(id, UUID.randomUUID().toString()), "VNPAY", "tx-ok", "BL-OK",
                        OffsetDateTime.now())));
        awaitStatus(citizen, id, "SUBMITTED");
    }

    static String awaitingPayment(String citizen) {
        String id = as(citizen).body(Map.of("procedureCode", Fixtures.JUDICIAL_RECORD, "channel", "ONLINE",
                "returnMethod", "ELECTRONIC")).post("/api/v1/dossiers").then().statusCode(201).extract().path("id");
        Fixtures.upload(citizen, id, "TK").statusCode(201);
        Fixtures.upload(citizen, id, "CCCD").statusCode(201);
        as(citizen).post("/api/v1/dossiers/" + id + "/submit").then().statusCode(200).body("status", equalTo("AWAITING_PAYMENT"));
        return id;
    }

    static void awaitStatus(String token, String id, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                as(token).get("/api/v1/dossiers/" + id).then().statusCode(200).body("status", equalTo(status)));
    }

    @Test
    void payment_succeeded_makes_the_dossier_ready_for_reception_once() {
        String citizen = Fixtures.citizen(Fixtures.unique("cd"));
        String id = awaitingPayment(citizen);
        String paymentId = UUID.randomUUID().toString();

        CloudEvent failed = CloudEventCodec.create("/payment-service", PaymentEvents.FAILED, id,
                new PaymentEvents.Failed(payment(id, paymentId), "VNPAY", "card declined", OffsetDateTime.now()));
        Fixtures.produce(Topics.PAYMENT, id, failed);
        CloudEvent expired = CloudEventCodec.create("/payment-service", PaymentEvents.EXPIRED, id,
                new PaymentEvents.Expired(payment(id, paymentId), OffsetDateTime.now()));
        Fixtures.produce(Topics.PAYMENT, id, expired);
        String admin = DevTokens.admin("ad-1");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(admin).get("/api/v1/dossiers/" + id + "/audit").then()
                .body("action", hasItem("payment-failed")).body("action", hasItem("payment-expired")));
        as(citizen).get("/api/v1/dossiers/" + id).then().body("status", equalTo("AWAITING_PAYMENT"));

        CloudEvent succeeded = CloudEventCodec.create("/payment-service", PaymentEvents.SUCCEEDED, id,
                new PaymentEvents.Succeeded(payment(id, paymentId), "VNPAY", "tx-1", "BL-0001", OffsetDateTime.now()));
        Fixtures.produce(Topics.PAYMENT, id, succeeded);
        Fixtures.produce(Topics.PAYMENT, id, succeeded); // redelivered: no second effect
        awaitStatus(citizen, id, "SUBMITTED");
        as(citizen).get("/api/v1/dossiers/" + id).then().body("portalStatus", equalTo(1))
                .body("paidAt", org.hamcrest.Matchers.notNullValue());
        try (Fixtures.DossierTopic topic = new Fixtures.DossierTopic()) {
            DossierEvents.PaymentConfirmed confirmed = CloudEventCodec.dataAs(CloudEventCodec.read(
                    topic.await(id, DossierEvents.PAYMENT_CONFIRMED).value().getBytes()), DossierEvents.PaymentConfirmed.class);
            assertThat(confirmed.receiptNumber()).isEqualTo("BL-0001");
            assertThat(confirmed.dossier().status()).isEqualTo("SUBMITTED");
        }
        // paid: the agency can receive it now
        as(Fixtures.officer(Fixtures.SO_TU_PHAP)).body("{}").post("/api/v1/dossiers/" + id + "/receive").then()
                .statusCode(200).body("status", equalTo("RECEIVED"));
        // a later SUCCEEDED (another event id) changes nothing
        Fixtures.produce(Topics.PAYMENT, id, CloudEventCodec.create("/payment-service", PaymentEvents.SUCCEEDED, id,
                new PaymentEvents.Succeeded(payment(id, paymentId), "VNPAY", "tx-1", "BL-0001", OffsetDateTime.now())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(admin).get("/api/v1/dossiers/" + id + "/audit").then()
                .body("action", hasItem("payment-succeeded-ignored")));
        as(citizen).get("/api/v1/dossiers/" + id).then().body("status", equalTo("RECEIVED"));
    }

    static DeliveryEvents.DeliveryRef order(String dossierId, String kind) {
        return new DeliveryEvents.DeliveryRef(UUID.randomUUID().toString(), kind, dossierId, null, Fixtures.BA_DINH,
                "VNPOST", "EL123456789VN", PAYER, null, "DELIVERED");
    }

    static String resolvedByPost(String citizen, String officer) {
        String id = as(citizen).body(Map.of("procedureCode", Fixtures.BIRTH, "channel", "ONLINE", "returnMethod", "POST",
                        "deliveryAddress", Map.of("recipientName", "Nguyễn Văn An", "phone", "0912345678",
                                "street", "Số 1 phố Điện Biên Phủ", "communeCode", "00004", "provinceCode", "01")))
                .post("/api/v1/dossiers").then().statusCode(201).extract().path("id");
        Fixtures.upload(citizen, id, "TK").statusCode(201);
        Fixtures.upload(citizen, id, "GCS").statusCode(201);
        as(citizen).post("/api/v1/dossiers/" + id + "/submit").then().statusCode(200);
        as(officer).body("{}").post("/api/v1/dossiers/" + id + "/receive").then().statusCode(200);
        as(officer).body(Map.of("resultSummary", "Giấy khai sinh")).post("/api/v1/dossiers/" + id + "/resolve").then().statusCode(200);
        return id;
    }

    @Test
    void delivered_result_returns_the_dossier_and_pickups_are_ignored() {
        String citizen = Fixtures.citizen(Fixtures.unique("cd"));
        String officer = Fixtures.officer(Fixtures.BA_DINH);
        String id = resolvedByPost(citizen, officer);
        // a document pickup delivered is not the result: nothing happens
        Fixtures.produce(Topics.DELIVERY, id, CloudEventCodec.create("/postal-delivery-service", DeliveryEvents.DELIVERED, id,
                new DeliveryEvents.Delivered(order(id, "DOCUMENT_PICKUP"), "Cán bộ", "STAFF", "POD-1", OffsetDateTime.now())));
        Fixtures.produce(Topics.DELIVERY, id, CloudEventCodec.create("/postal-delivery-service", DeliveryEvents.DELIVERED, id,
                new DeliveryEvents.Delivered(order(id, "RESULT_RETURN"), "Nguyễn Văn An", "SELF", "POD-2", OffsetDateTime.now())));
        awaitStatus(citizen, id, "RETURNED");
        try (Fixtures.DossierTopic topic = new Fixtures.DossierTopic()) {
            DossierEvents.Returned returned = CloudEventCodec.dataAs(CloudEventCodec.read(
                    topic.await(id, DossierEvents.RETURNED).value().getBytes()), DossierEvents.Returned.class);
            assertThat(returned.returnMethod()).isEqualTo("POST");
            assertThat(returned.dossier().portalStatus()).isEqualTo(10);
        }
    }

    @Test
    void returned_to_sender_lets_the_counter_hand_the_result_over() {
        String citizen = Fixtures.citizen(Fixtures.unique("cd"));
        String officer = Fixtures.officer(Fixtures.BA_DINH);
        String id = resolvedByPost(citizen, officer);
        Fixtures.produce(Topics.DELIVERY, id, CloudEventCodec.create("/postal-delivery-service", DeliveryEvents.RETURNED, id,
                new DeliveryEvents.Returned(order(id, "RESULT_RETURN"), "Không liên lạc được người nhận", OffsetDateTime.now())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(citizen).get("/api/v1/dossiers/" + id).then()
                .body("postalReturnFailed", equalTo(true)).body("status", equalTo("RESOLVED")));
        as(officer).body("{}").post("/api/v1/dossiers/" + id + "/return").then().statusCode(200).body("status", equalTo("RETURNED"));
    }

    @Test
    void booking_checked_in_is_recorded_on_the_dossier() {
        String citizen = Fixtures.citizen(Fixtures.unique("cd"));
        String id = Fixtures.submittedBirthRegistration(citizen);
        AppointmentEvents.BookingRef booking = new AppointmentEvents.BookingRef(UUID.randomUUID().toString(), "BK-1", id,
                PAYER, Fixtures.BIRTH, "Đăng ký khai sinh", "BD-01", "Bộ phận một cửa phường Ba Đình", "Hà Nội",
                OffsetDateTime.now(), OffsetDateTime.now().plusMinutes(15), "CHECKED_IN");
        Fixtures.produce(Topics.APPOINTMENT, id, CloudEventCodec.create("/appointment-service",
                AppointmentEvents.BOOKING_CHECKED_IN, id, new AppointmentEvents.BookingCheckedIn(booking, "A-015", OffsetDateTime.now())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(citizen).get("/api/v1/dossiers/" + id).then()
                .body("queueNumber", equalTo("A-015")).body("checkedInAt", org.hamcrest.Matchers.notNullValue()));
        as(DevTokens.admin("ad-1")).get("/api/v1/dossiers/" + id + "/audit").then()
                .body("find { it.action == 'checked-in' }.actorId", equalTo("appointment-service"));
    }

    @Test
    void a_payment_event_naming_no_valid_dossier_goes_to_the_dead_letter_topic() {
        String paymentId = UUID.randomUUID().toString();
        CloudEvent poison = CloudEventCodec.create("/payment-service", PaymentEvents.SUCCEEDED, "not-a-uuid",
                new PaymentEvents.Succeeded(payment("not-a-uuid", paymentId), "VNPAY", "tx-9", "BL-9", OffsetDateTime.now()));
        Fixtures.produce(Topics.PAYMENT, "not-a-uuid", poison);
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(Map.of(
                "bootstrap.servers", vn.motcua.testing.KafkaResource.broker().bootstrapServers(),
                "group.id", Fixtures.unique("dlq-reader"), "auto.offset.reset", "earliest"),
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.StringDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetterOf(Topics.PAYMENT)));
            List<String> seen = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> seen.add(r.value()));
                return seen.stream().anyMatch(v -> v.contains(poison.id()));
            });
        }
    }

    @Test
    void workflow_actions_need_a_token() {
        io.restassured.RestAssured.given().contentType("application/json").body("{}")
                .post("/api/v1/dossiers/" + UUID.randomUUID() + "/receive").then().statusCode(401);
        io.restassured.RestAssured.given().get("/api/v1/dossiers/" + UUID.randomUUID() + "/audit").then().statusCode(401);
        io.restassured.RestAssured.given().get("/api/v1/statistics").then().statusCode(401);
        as(Fixtures.officer(Fixtures.BA_DINH)).body("{}").post("/api/v1/dossiers/" + UUID.randomUUID() + "/receive")
                .then().statusCode(404).body("code", equalTo("DOSSIER_NOT_FOUND"));
    }
}
