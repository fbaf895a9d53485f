package vn.motcua.delivery.order;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.motcua.contracts.events.Topics;
import vn.motcua.delivery.support.Api;
import vn.motcua.delivery.support.Events;
import vn.motcua.delivery.support.TopicReader;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Dossier events that can never become a parcel are dead-lettered with the reason, not half-created. */
@QuarkusTest
class OrderIntakeTest {

    @Test
    void an_unroutable_address_or_an_agency_without_postal_contract_goes_to_the_dead_letter_topic() {
        Events.Dossier badAddress = Events.Dossier.of(Events.BA_DINH, "cd-" + UUID.randomUUID());
        Events.resolvedForPost(badAddress, "ONLINE", Events.address("1", "12"));
        Events.Dossier unknownAgency = Events.Dossier.of("000.99.99.H99", "cd-" + UUID.randomUUID());
        Events.resolvedForPost(unknownAgency, "ONLINE", Events.address("01", "00007"));

        try (TopicReader dlq = new TopicReader(Topics.deadLetterOf(Topics.DOSSIER))) {
            ConsumerRecord<String, byte[]> address = dlq.awaitRaw(badAddress.id());
            assertThat(address).isNotNull();
            assertThat(TopicReader.header(address, "dlq-reason")).contains("provinceCode").contains("communeCode");
            assertThat(TopicReader.header(address, "dlq-attempts")).isEqualTo("1"); // poison: no pointless retries
            ConsumerRecord<String, byte[]> agency = dlq.awaitRaw(unknownAgency.id());
            assertThat(agency).isNotNull();
            assertThat(TopicReader.header(agency, "dlq-reason")).contains("000.99.99.H99").contains("customer-code");
        }
        given().auth().oauth2(Api.ADMIN).queryParam("dossierCode", badAddress.code()).get("/api/v1/deliveries")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void a_result_returned_at_the_counter_needs_no_parcel() {
        Events.Dossier online = Events.Dossier.of(Events.BA_DINH, "cd-" + UUID.randomUUID());
        // filed online and resolved with return at the counter: nothing to carry
        vn.motcua.contracts.events.CloudEvent event = vn.motcua.contracts.events.CloudEventCodec.create("/dossier-service",
                vn.motcua.contracts.dossier.DossierEvents.RESOLVED, online.id(),
                new vn.motcua.contracts.dossier.DossierEvents.Resolved(
                        new vn.motcua.contracts.dossier.DossierEvents.DossierRef(online.id(), online.code(), "1.001193",
                                "Đăng ký khai sinh", Events.BA_DINH, "UBND phường Ba Đình", online.applicant(), "ONLINE",
                                "COUNTER", "RESULT_READY", 9, null, null),
                        "Giấy khai sinh", "COUNTER", null, java.time.OffsetDateTime.now(), "cb-001"));
        Events.send(Topics.DOSSIER, online.id(), event);
        // the consumer's ledger says the event was handled; it made no order
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> handled(event.id()));
        given().auth().oauth2(Api.ADMIN).queryParam("dossierCode", online.code()).get("/api/v1/deliveries")
                .then().statusCode(200).body("total", equalTo(0));
    }

    private static boolean handled(String eventId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                !io.quarkus.arc.Arc.container().instance(jakarta.persistence.EntityManager.class).get()
                        .createNativeQuery("select 1 from processed_event where event_id = ?1")
                        .setParameter(1, eventId).getResultList().isEmpty());
    }
}
