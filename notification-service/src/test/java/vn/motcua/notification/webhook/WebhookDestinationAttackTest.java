package vn.motcua.notification.webhook;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import vn.motcua.contracts.dossier.DossierEvents;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.Topics;
import vn.motcua.notification.support.Admin;
import vn.motcua.notification.support.Events;
import vn.motcua.notification.support.OutsideSystems;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The webhook URL is chosen by whoever registers it: with private destinations forbidden (as in production), every
 * way of pointing a webhook into the internal network is refused — at registration with problem+json, and at
 * delivery time when a name that resolved to a public address at registration resolves inside later (DNS rebinding).
 */
@QuarkusTest
@TestProfile(WebhookDestinationAttackTest.AsInProduction.class)
class WebhookDestinationAttackTest {

    public static class AsInProduction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("motcua.notification.webhook.allow-private-destinations", "false");
        }
    }

    private static ValidatableResponse register(String url) {
        return given().auth().oauth2(Admin.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "attacker", "url", url, "eventTypes", List.of("*")))
                .post("/api/v1/notifications/admin/webhooks").then();
    }

    @Test
    void urls_into_the_internal_network_are_refused_at_registration() {
        int ownPort = URI.create(OutsideSystems.http().url("/")).getPort();
        for (String url : List.of(
                "https://127.0.0.1:8081/api/v1/dossiers",              // a service's own port
                "https://127.0.0.1:" + ownPort + "/hooks/x",
                "https://169.254.169.254/latest/meta-data/iam/",       // cloud metadata
                "https://localhost:8083/",                             // a name resolving to loopback
                "https://[::1]:8085/",
                "https://[::ffff:127.0.0.1]/",
                "https://[fd00:ec2::254]/latest/meta-data/",
                "https://10.0.0.5/",
                "https://192.168.1.10:5432/",
                "https://0.0.0.0:8080/",
                "https://2130706433/")) {                              // 127.0.0.1 written as one number
            register(url).statusCode(422).contentType("application/problem+json")
                    .body("code", equalTo("WEBHOOK_DESTINATION_FORBIDDEN"));
        }
        register("https://receiver.invalid/hooks").statusCode(422).body("code", equalTo("WEBHOOK_DESTINATION_FORBIDDEN"))
                .body("detail", containsString("does not resolve"));
        // plain http and credentials in the URL are refused outside dev/test whatever the address
        register("http://93.184.216.34/hooks").statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("url")).body("detail", containsString("https"));
        register("https://user:password@93.184.216.34/hooks").statusCode(400).body("violations[0].field", equalTo("url"));
    }

    @Test
    void a_url_changed_to_an_internal_one_is_refused() {
        // resolving public at registration time (the system resolver is not asked for this name)
        QuarkusMock.installMockForType(new HostResolver() {
            @Override
            public List<InetAddress> resolve(String host) throws UnknownHostException {
                return "public.example.vn".equals(host) ? List.of(InetAddress.getByName("93.184.216.34")) : super.resolve(host);
            }
        }, HostResolver.class);
        String id = register("https://public.example.vn/hooks").statusCode(201).extract().path("id");
        long version = given().auth().oauth2(Admin.token()).get("/api/v1/notifications/admin/webhooks/" + id).then()
                .extract().jsonPath().getLong("version");
        given().auth().oauth2(Admin.token()).contentType(ContentType.JSON)
                .body(Map.of("url", "https://169.254.169.254/latest/meta-data/", "version", version))
                .patch("/api/v1/notifications/admin/webhooks/" + id).then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("WEBHOOK_DESTINATION_FORBIDDEN"));
        given().auth().oauth2(Admin.token()).delete("/api/v1/notifications/admin/webhooks/" + id).then().statusCode(204);
    }

    @Test
    void a_name_that_resolves_inside_after_registration_is_not_delivered_to() {
        // DNS rebinding: public at registration, then the local receiver's loopback address
        String path = "/hooks/" + Events.unique("rebind");
        int port = URI.create(OutsideSystems.http().url("/")).getPort();
        AtomicInteger lookups = new AtomicInteger();
        QuarkusMock.installMockForType(new HostResolver() {
            @Override
            public List<InetAddress> resolve(String host) throws UnknownHostException {
                if (!"rebind.example.vn".equals(host)) {
                    return super.resolve(host);
                }
                return List.of(InetAddress.getByName(lookups.getAndIncrement() == 0 ? "93.184.216.34" : "127.0.0.1"));
            }
        }, HostResolver.class);
        String subscription = register("https://rebind.example.vn:" + port + path).statusCode(201).extract().path("id");

        String dossierId = Events.unique("dossier");
        CloudEvent event = Events.send(Topics.DOSSIER, dossierId, DossierEvents.RECEIVED, new DossierEvents.Received(
                Events.dossier(dossierId, Events.citizen(Events.unique("cd")), "RECEIVED", 2), "BN-1", Events.now(),
                OffsetDateTime.parse("2026-11-24T17:00:00+07:00"), "cb-001"));

        await().atMost(Duration.ofSeconds(20)).until(() -> deliveryOf(subscription, event.id()) != null
                && "PERMANENT_FAILURE".equals(deliveryOf(subscription, event.id()).get("status")));
        Map<String, Object> delivery = deliveryOf(subscription, event.id());
        assertThat(delivery.get("deadLettered")).isEqualTo(true);
        assertThat((String) delivery.get("lastError")).startsWith("destination refused").contains("127.0.0.1");
        assertThat(OutsideSystems.http().requests(path)).isEmpty();
        given().auth().oauth2(Admin.token()).delete("/api/v1/notifications/admin/webhooks/" + subscription).then().statusCode(204);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deliveryOf(String subscription, String eventId) {
        List<Map<String, Object>> items = given().auth().oauth2(Admin.token())
                .get("/api/v1/notifications/admin/webhooks/" + subscription + "/deliveries?size=100")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(i -> eventId.equals(i.get("eventId"))).findFirst().orElse(null);
    }
}
