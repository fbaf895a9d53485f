package vn.motcua.payment;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import vn.motcua.contracts.common.FeeLine;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.events.Topics;
import vn.motcua.contracts.payment.PaymentEvents;
import vn.motcua.testing.KafkaResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static vn.motcua.payment.PaymentFixtures.*;

/** Consuming dossier-service's payment-required events from the real topic. */
@QuarkusTest
class ObligationEventsTest {

    @Inject
    Db db;

    @Test
    void the_same_event_twice_and_a_second_event_for_the_dossier_create_one_obligation() {
        Dossier d = newDossier();
        CloudEvent event = paymentRequired(d, "COUNTER", true, judicialRecordFee());
        CloudEvent another = paymentRequired(d, "COUNTER", true, judicialRecordFee());
        Dossier marker = newDossier();
        send(event, event, another, paymentRequired(marker, "COUNTER", true, judicialRecordFee()));
        awaitPaymentId(marker);
        assertThat(db.count("select count(*) from payment_obligation where dossier_id = '" + d.dossierId() + "'")).isEqualTo(1);
        assertThat(db.count("select count(*) from payment p join payment_obligation o on o.id = p.obligation_id "
                + "where o.dossier_id = '" + d.dossierId() + "'")).isEqualTo(1);
        // read until the marker's event: anything published for d before it is in the list
        List<CloudEvent> requested = awaitEvents(e -> e.type().equals(PaymentEvents.REQUESTED)
                && (d.dossierId().equals(e.subject()) || marker.dossierId().equals(e.subject())), 2);
        assertThat(requested).extracting(CloudEvent::subject).containsExactlyInAnyOrder(d.dossierId(), marker.dossierId());
    }

    @Test
    void the_postal_fee_follows_the_return_method_and_the_online_discount() {
        Dossier counter = newDossier();
        Dossier postOnline = newDossier();
        Dossier postAtCounter = newDossier();
        Dossier alreadyPriced = newDossier();
        send(paymentRequired(counter, "COUNTER", true, judicialRecordFee()),
                paymentRequired(postOnline, "POST", true, judicialRecordFee()),
                paymentRequired(postAtCounter, "POST", false, judicialRecordFee()),
                paymentRequired(alreadyPriced, "POST", true, List.of(new FeeLine("LE_PHI", "Lệ phí", 200_000),
                        new FeeLine("POSTAL_RETURN", "Phí chuyển phát", 18_000))));
        given().auth().oauth2(counter.token()).get("/api/v1/payments/" + awaitPaymentId(counter)).then()
                .body("amountVnd", equalTo(200000)).body("fees.size()", equalTo(1));
        given().auth().oauth2(postOnline.token()).get("/api/v1/payments/" + awaitPaymentId(postOnline)).then()
                .body("amountVnd", equalTo(224000)).body("fees[1].name", equalTo("Phí chuyển phát kết quả qua dịch vụ bưu chính công ích (giảm 20%)"));
        given().auth().oauth2(postAtCounter.token()).get("/api/v1/payments/" + awaitPaymentId(postAtCounter)).then()
                .body("amountVnd", equalTo(230000));
        given().auth().oauth2(alreadyPriced.token()).get("/api/v1/payments/" + awaitPaymentId(alreadyPriced)).then()
                .body("amountVnd", equalTo(218000)).body("fees.size()", equalTo(2));
    }

    @Test
    void broken_events_go_to_the_dead_letter_topic_and_nothing_is_owed() {
        Dossier negative = newDossier();
        Dossier overflow = newDossier();
        Dossier free = newDossier();
        Dossier marker = newDossier();
        CloudEvent negativeEvent = paymentRequired(negative, "COUNTER", true, List.of(new FeeLine("LE_PHI", "Lệ phí", -200_000)));
        CloudEvent overflowEvent = paymentRequired(overflow, "COUNTER", true, List.of(new FeeLine("A", "a", Long.MAX_VALUE),
                new FeeLine("B", "b", 1)));
        send(negativeEvent, overflowEvent, paymentRequired(free, "COUNTER", true, List.of(new FeeLine("LE_PHI", "Miễn phí", 0))),
                paymentRequired(marker, "COUNTER", true, judicialRecordFee()));
        awaitPaymentId(marker);
        for (Dossier d : List.of(negative, overflow, free)) {
            assertThat(db.count("select count(*) from payment_obligation where dossier_id = '" + d.dossierId() + "'")).isZero();
        }
        List<String> deadLettered = readDeadLetters(2, List.of(negativeEvent.id(), overflowEvent.id()));
        assertThat(deadLettered).contains(negativeEvent.id(), overflowEvent.id());
    }

    private static List<String> readDeadLetters(int atLeast, List<String> wanted) {
        List<String> ids = new java.util.ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.broker().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetterOf(Topics.DOSSIER)));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    ids.add(CloudEventCodec.read(r.value()).id());
                    assertThat(new String(r.headers().lastHeader("dlq-handler").value(), StandardCharsets.UTF_8))
                            .isEqualTo("PaymentRequiredHandler");
                }
                return ids.containsAll(wanted);
            });
        }
        return ids;
    }
}
