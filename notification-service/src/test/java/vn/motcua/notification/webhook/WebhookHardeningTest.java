package vn.motcua.notification.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.motcua.contracts.dossier.DossierEvents;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.Topics;
import vn.motcua.notification.support.Admin;
import vn.motcua.notification.support.Events;
import vn.motcua.notification.support.HttpStub;
import vn.motcua.notification.support.OutsideSystems;

import javax.sql.DataSource;
import java.net.InetAddress;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * What a webhook may reveal or keep: no redirect followed, no receiver's answer in the log, secrets sealed at rest and
 * absent from idempotency records, and the connection made to the vetted address. (Private destinations are allowed
 * in this profile so that the receivers can run on this machine; {@link WebhookDestinationAttackTest} forbids them.)
 */
@QuarkusTest
class WebhookHardeningTest {

    private static final String SECRET = "a-receiver-secret-that-must-stay-secret-42";

    @Inject
    DataSource dataSource;
    @Inject
    WebhookClient client;
    @Inject
    WebhookSecrets secrets;

    private static String subscribe(String url, String secret, String idempotencyKey) {
        var request = given().auth().oauth2(Admin.token()).contentType(ContentType.JSON);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.body(Map.of("name", "Hệ thống tỉnh", "url", url, "eventTypes", List.of(DossierEvents.RECEIVED), "secret", secret))
                .post("/api/v1/notifications/admin/webhooks").then().statusCode(201).body("secret", equalTo(secret))
                .extract().path("id");
    }

    private static CloudEvent received() {
        String dossierId = Events.unique("dossier");
        return Events.send(Topics.DOSSIER, dossierId, DossierEvents.RECEIVED, new DossierEvents.Received(
                Events.dossier(dossierId, Events.citizen(Events.unique("cd")), "RECEIVED", 2), "BN-1", Events.now(),
                OffsetDateTime.parse("2026-11-24T17:00:00+07:00"), "cb-001"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deliveryOf(String subscription, String eventId) {
        List<Map<String, Object>> items = given().auth().oauth2(Admin.token())
                .get("/api/v1/notifications/admin/webhooks/" + subscription + "/deliveries?size=100")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(i -> eventId.equals(i.get("eventId"))).findFirst().orElse(null);
    }

    @Test
    void a_redirect_is_not_followed_and_no_answer_body_reaches_the_delivery_log() {
        String internal = "/internal/" + Events.unique("admin");
        OutsideSystems.http().respond(internal, r -> new HttpStub.Reply(200, "{\"password\":\"INTERNAL-ONLY\"}"));
        String redirecting = "/hooks/" + Events.unique("redirect");
        OutsideSystems.http().respond(redirecting, r -> new HttpStub.Reply(302, "moved",
                Map.of("Location", OutsideSystems.http().url(internal))));
        String talkative = "/hooks/" + Events.unique("talkative");
        OutsideSystems.http().respond(talkative, r -> new HttpStub.Reply(500, "{\"dump\":\"INTERNAL-ONLY database=motcua\"}"));
        String redirected = subscribe(OutsideSystems.http().url(redirecting), SECRET, null);
        String answered = subscribe(OutsideSystems.http().url(talkative), SECRET, null);

        CloudEvent event = received();
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveryOf(redirected, event.id()) != null
                && !((List<?>) deliveryOf(redirected, event.id()).get("log")).isEmpty()
                && deliveryOf(answered, event.id()) != null && !((List<?>) deliveryOf(answered, event.id()).get("log")).isEmpty());

        assertThat(OutsideSystems.http().requests(redirecting)).isNotEmpty();
        assertThat(OutsideSystems.http().requests(internal)).isEmpty();
        Map<String, Object> viaRedirect = deliveryOf(redirected, event.id());
        assertThat(viaRedirect.get("lastError")).isEqualTo("receiver answered 302");
        assertThat(viaRedirect.get("lastResponseStatus")).isEqualTo(302);
        String log = given().auth().oauth2(Admin.token())
                .get("/api/v1/notifications/admin/webhooks/" + answered + "/deliveries?size=100").then().statusCode(200)
                .extract().asString();
        assertThat(log).contains("receiver answered 500").contains("durationMs").doesNotContain("INTERNAL-ONLY");
        given().auth().oauth2(Admin.token()).delete("/api/v1/notifications/admin/webhooks/" + redirected).then().statusCode(204);
        given().auth().oauth2(Admin.token()).delete("/api/v1/notifications/admin/webhooks/" + answered).then().statusCode(204);
    }

    @Test
    void the_connection_goes_to_the_vetted_address_without_resolving_the_name_again() {
        String path = "/hooks/" + Events.unique("pinned");
        OutsideSystems.http().respond(path, r -> new HttpStub.Reply(204, ""));
        int port = URI.create(OutsideSystems.http().url("/")).getPort();
        // ".invalid" never resolves (RFC 2606): the request can only arrive through the pinned address
        WebhookDestinations.Destination pinned = new WebhookDestinations.Destination("receiver.invalid", port, false,
                path + "?x=1", InetAddress.getLoopbackAddress());

        WebhookClient.Answer answer = client.post(pinned, Map.of("X-Test", "pinned"), "{}", Duration.ofSeconds(10));

        assertThat(answer.status()).isEqualTo(204);
        HttpStub.Request request = OutsideSystems.http().requests(path).get(0);
        assertThat(request.header("Host")).isEqualTo("receiver.invalid:" + port);
        assertThat(request.header("X-Test")).isEqualTo("pinned");
    }

    @Test
    void secrets_are_sealed_at_rest_and_kept_out_of_idempotency_records() throws Exception {
        String key = "webhook-" + Events.unique("k");
        String url = OutsideSystems.http().url("/hooks/" + Events.unique("sealed"));
        String id = subscribe(url, SECRET, key);

        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement q = c.prepareStatement("select secret, secret_key_id from webhook_subscription where id = ?")) {
                q.setObject(1, UUID.fromString(id));
                ResultSet row = q.executeQuery();
                assertThat(row.next()).isTrue();
                assertThat(row.getString("secret")).doesNotContain(SECRET).doesNotContain("stay-secret");
                assertThat(row.getString("secret_key_id")).isEqualTo("dev");
            }
            try (PreparedStatement q = c.prepareStatement(
                    "select response_body, request_hash from idempotency_record where scope = 'webhook.create' and idem_key = ?")) {
                q.setString(1, key);
                ResultSet row = q.executeQuery();
                assertThat(row.next()).isTrue();
                assertThat(row.getString("response_body")).contains(id).doesNotContain(SECRET).doesNotContain("stay-secret");
            }
        }
        // a replay still gives the creation answer with the secret; another secret under the same key is a reuse
        given().auth().oauth2(Admin.token()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("name", "Hệ thống tỉnh", "url", url, "eventTypes", List.of(DossierEvents.RECEIVED), "secret", SECRET))
                .post("/api/v1/notifications/admin/webhooks").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id)).body("secret", equalTo(SECRET));
        given().auth().oauth2(Admin.token()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("name", "Hệ thống tỉnh", "url", url, "eventTypes", List.of(DossierEvents.RECEIVED),
                        "secret", SECRET + "-other"))
                .post("/api/v1/notifications/admin/webhooks").then().statusCode(409).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        given().auth().oauth2(Admin.token()).get("/api/v1/notifications/admin/webhooks/" + id).then().statusCode(200)
                .body("secret", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(Admin.token()).delete("/api/v1/notifications/admin/webhooks/" + id).then().statusCode(204);
    }

    @Test
    void a_secret_stored_in_plain_text_before_sealing_is_sealed_and_still_signs() throws Exception {
        String path = "/hooks/" + Events.unique("legacy");
        String legacySecret = "legacy-plain-secret-" + UUID.randomUUID();
        List<HttpStub.Request> verified = new java.util.concurrent.CopyOnWriteArrayList<>();
        OutsideSystems.http().respond(path, r -> {
            if (WebhookSignature.verify(legacySecret, r.header(WebhookSignature.TIMESTAMP_HEADER), r.body(),
                    r.header(WebhookSignature.SIGNATURE_HEADER), System.currentTimeMillis() / 1000, 300)) {
                verified.add(r);
                return new HttpStub.Reply(204, "");
            }
            return new HttpStub.Reply(401, "");
        });
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                insert into webhook_subscription (id, name, url, event_types, secret, status, created_by)
                values (?, 'from before sealing', ?, ?, ?, 'ACTIVE', 'ad-test')""")) {
            insert.setObject(1, id);
            insert.setString(2, OutsideSystems.http().url(path));
            insert.setString(3, DossierEvents.RECEIVED);
            insert.setString(4, legacySecret);
            insert.executeUpdate();
        }

        assertThat(secrets.resealAll()).isGreaterThanOrEqualTo(1); // what the service does at start-up

        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select secret, secret_key_id from webhook_subscription where id = ?")) {
            q.setObject(1, id);
            ResultSet row = q.executeQuery();
            assertThat(row.next()).isTrue();
            assertThat(row.getString("secret")).doesNotContain(legacySecret);
            assertThat(row.getString("secret_key_id")).isEqualTo("dev");
        }
        CloudEvent event = received();
        await().atMost(Duration.ofSeconds(20)).until(() -> verified.stream()
                .anyMatch(r -> event.id().equals(r.header(WebhookSignature.EVENT_ID_HEADER))));
        given().auth().oauth2(Admin.token()).delete("/api/v1/notifications/admin/webhooks/" + id).then().statusCode(204);
    }
}
