package vn.motcua.notification.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.motcua.contracts.dossier.DossierEvents;
import vn.motcua.contracts.events.Topics;
import vn.motcua.notification.support.Admin;
import vn.motcua.notification.support.Events;
import vn.motcua.notification.support.HttpStub;
import vn.motcua.notification.support.OutsideSystems;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Webhooks, like messages: a receiver slower than the sending lease, two senders, each event delivered once. */
@QuarkusTest
class SlowReceiverTest {

    @Inject
    WebhookDispatcher dispatcher;

    @ConfigProperty(name = "motcua.notification.retry.sending-lease")
    Duration lease;

    @Test
    void a_receiver_slower_than_the_lease_gets_each_event_once_from_two_senders() throws Exception {
        String path = "/hooks/" + Events.unique("slow");
        long slowerThanTheLease = lease.plusSeconds(1).toMillis();
        OutsideSystems.http().respond(path, r -> {
            try {
                Thread.sleep(slowerThanTheLease);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new HttpStub.Reply(204, "");
        });
        String subscription = given().auth().oauth2(Admin.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "slow receiver", "url", OutsideSystems.http().url(path), "eventTypes", List.of(DossierEvents.SUBMITTED)))
                .post("/api/v1/notifications/admin/webhooks").then().statusCode(201).extract().path("id");
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String dossierId = Events.unique("dossier");
            events.add(Events.send(Topics.DOSSIER, dossierId, DossierEvents.SUBMITTED, new DossierEvents.Submitted(
                    Events.dossier(dossierId, Events.citizen(Events.unique("cd")), "SUBMITTED", 1), Events.now(), false, null)).id());
        }

        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService replica = Executors.newSingleThreadExecutor();
        Future<?> loop = replica.submit(() -> {
            while (running.get()) {
                dispatcher.dispatchDue();
                Thread.sleep(100);
            }
            return null;
        });
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                List<Map<String, Object>> items = given().auth().oauth2(Admin.token())
                        .get("/api/v1/notifications/admin/webhooks/" + subscription + "/deliveries?size=100")
                        .then().statusCode(200).extract().jsonPath().getList("items");
                return items.size() == events.size() && items.stream().allMatch(i -> "DELIVERED".equals(i.get("status")));
            });
        } finally {
            running.set(false);
            loop.get(60, TimeUnit.SECONDS);
            replica.shutdown();
        }

        for (String event : events) {
            assertThat(OutsideSystems.http().requests(path).stream()
                    .filter(r -> event.equals(r.header(WebhookSignature.EVENT_ID_HEADER))).count()).as(event).isEqualTo(1);
        }
        given().auth().oauth2(Admin.token()).delete("/api/v1/notifications/admin/webhooks/" + subscription).then().statusCode(204);
    }
}
