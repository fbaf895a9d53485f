package vn.motcua.notification.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.motcua.contracts.dossier.DossierEvents;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.events.Topics;
import vn.motcua.notification.support.Admin;
import vn.motcua.notification.support.Events;
import vn.motcua.notification.support.HttpStub;
import vn.motcua.notification.support.OutsideSystems;
import vn.motcua.testing.DevTokens;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class WebhooksTest {

    private static final String SECRET = "a-shared-secret-of-the-receiver-01";

    /** A receiver that checks the signature the way a subscriber would, with nothing of ours. */
    record Receiver(String path, List<HttpStub.Request> verified, List<HttpStub.Request> rejected, AtomicInteger status) {
        static Receiver start() {
            Receiver r = new Receiver("/hooks/" + Events.unique("r"), new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>(),
                    new AtomicInteger(204));
            OutsideSystems.http().respond(r.path, request -> {
                String timestamp = request.header("X-Motcua-Timestamp");
                String expected = "sha256=" + hmac(SECRET, timestamp + "." + request.body());
                boolean fresh = Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) < 300;
                if (!expected.equals(request.header("X-Motcua-Signature")) || !fresh) {
                    r.rejected.add(request);
                    return new HttpStub.Reply(401, "{\"error\":\"bad signature\"}");
                }
                r.verified.add(request);
                return new HttpStub.Reply(r.status.get(), r.status.get() == 204 ? "" : "{\"error\":\"down for maintenance\"}");
            });
            return r;
        }

        String url() {
            return OutsideSystems.http().url(path);
        }

        List<HttpStub.Request> forEvent(String eventId) {
            return verified.stream().filter(q -> eventId.equals(q.header("X-Motcua-Event-Id"))).toList();
        }
    }

    static String hmacForUnitTest(String secret, String text) {
        return "sha256=" + hmac(secret, text);
    }

    static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonPath subscribe(String url, List<String> types) {
        return given().auth().oauth2(Admin.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "Cổng thông tin tỉnh", "url", url, "eventTypes", types, "secret", SECRET))
                .post("/api/v1/notifications/admin/webhooks").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/notifications/admin/webhooks/"))
                .body("secret", equalTo(SECRET)).body("status", equalTo("ACTIVE")).extract().jsonPath();
    }

    private static CloudEvent received(String dossierId) {
        return Events.send(Topics.DOSSIER, dossierId, DossierEvents.RECEIVED, new DossierEvents.Received(
                Events.dossier(dossierId, Events.citizen(Events.unique("cd")), "RECEIVED", 2), "BN-1", Events.now(),
                OffsetDateTime.parse("2026-11-24T17:00:00+07:00"), "cb-001"));
    }

    private static JsonPath deliveries(String subscriptionId) {
        return given().auth().oauth2(Admin.token()).get("/api/v1/notifications/admin/webhooks/" + subscriptionId + "/deliveries?size=100")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void subscribed_events_are_delivered_signed_and_filtered_by_type() {
        Receiver receiver = Receiver.start();
        String subscription = subscribe(receiver.url(), List.of(DossierEvents.RECEIVED)).getString("id");
        String dossierId = Events.unique("dossier");
        Events.send(Topics.DOSSIER, dossierId, DossierEvents.SUBMITTED, new DossierEvents.Submitted(
                Events.dossier(dossierId, Events.citizen("cd-x"), "SUBMITTED", 1), Events.now(), false, null));
        CloudEvent event = received(dossierId);

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.forEvent(event.id()).size() == 1);
        HttpStub.Request request = receiver.forEvent(event.id()).get(0);
        assertThat(request.header("X-Motcua-Event-Type")).isEqualTo(DossierEvents.RECEIVED);
        assertThat(request.header("Content-Type")).startsWith("application/cloudevents+json");
        CloudEvent sent = CloudEventCodec.read(request.body().getBytes(StandardCharsets.UTF_8));
        assertThat(sent.id()).isEqualTo(event.id());
        assertThat(sent.data().path("dossier").path("dossierId").asText()).isEqualTo(dossierId);
        assertThat(receiver.rejected()).isEmpty();
        assertThat(receiver.verified()).allMatch(r -> r.header("X-Motcua-Event-Type").equals(DossierEvents.RECEIVED));

        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(deliveries(subscription).getString("items[0].status")));
        JsonPath log = deliveries(subscription);
        assertThat(log.getList("items.eventType")).containsOnly(DossierEvents.RECEIVED);
        assertThat(log.getInt("items[0].attempts")).isEqualTo(1);
        assertThat(log.getInt("items[0].log[0].responseStatus")).isEqualTo(204);

        // a re-send goes out again, signed afresh
        String deliveryId = log.getString("items[0].id");
        given().auth().oauth2(Admin.token()).post("/api/v1/notifications/admin/webhooks/" + subscription + "/deliveries/"
                + deliveryId + "/resend").then().statusCode(200).body("status", equalTo("QUEUED"));
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.forEvent(event.id()).size() == 2);
    }

    @Test
    void a_failing_receiver_is_retried_dead_lettered_then_paused_and_resumed() throws InterruptedException {
        Receiver receiver = Receiver.start();
        receiver.status().set(503);
        JsonPath created = subscribe(receiver.url(), List.of("*"));
        String subscription = created.getString("id");
        CloudEvent first = received(Events.unique("dossier"));
        CloudEvent second = received(Events.unique("dossier"));

        // 3 attempts each with backoff, then dead letters; 5 consecutive failures pause the subscription
        await().atMost(Duration.ofSeconds(40)).until(() -> "PAUSED".equals(given().auth().oauth2(Admin.token())
                .get("/api/v1/notifications/admin/webhooks/" + subscription).then().extract().path("status")));
        JsonPath paused = given().auth().oauth2(Admin.token()).get("/api/v1/notifications/admin/webhooks/" + subscription)
                .then().extract().jsonPath();
        assertThat(paused.getString("pausedReason")).contains("consecutive failed deliveries").contains("503");
        assertThat(paused.getInt("consecutiveFailures")).isGreaterThanOrEqualTo(5);
        assertThat(paused.getString("secret")).isNull();
        int attemptsSoFar = receiver.forEvent(first.id()).size() + receiver.forEvent(second.id()).size();
        assertThat(attemptsSoFar).isBetween(5, 6);

        // while paused nothing is sent, but events are kept
        CloudEvent third = received(Events.unique("dossier"));
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(subscription).getList("items.eventId").contains(third.id()));
        Thread.sleep(1500);
        assertThat(receiver.forEvent(third.id())).isEmpty();

        // the receiver is back; the admin resumes: the kept event goes out, and dead letters can be re-sent
        receiver.status().set(204);
        // the sender may still be recording the last failed attempt on the subscription (a version bump): like any
        // admin client, read the current version and retry on 409
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            long version = given().auth().oauth2(Admin.token()).get("/api/v1/notifications/admin/webhooks/" + subscription)
                    .then().extract().jsonPath().getLong("version");
            return given().auth().oauth2(Admin.token()).contentType(ContentType.JSON)
                    .body(Map.of("status", "ACTIVE", "version", version))
                    .patch("/api/v1/notifications/admin/webhooks/" + subscription).then().extract().statusCode() == 200;
        });
        given().auth().oauth2(Admin.token()).get("/api/v1/notifications/admin/webhooks/" + subscription).then()
                .body("status", equalTo("ACTIVE")).body("consecutiveFailures", equalTo(0));
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.forEvent(third.id()).size() == 1);

        List<Map<String, Object>> items = deliveries(subscription).getList("items");
        Map<String, Object> dead = items.stream().filter(i -> first.id().equals(i.get("eventId"))).findFirst().orElseThrow();
        if (Boolean.TRUE.equals(dead.get("deadLettered"))) {
            assertThat((List<?>) dead.get("log")).hasSize(3);
        }
        given().auth().oauth2(Admin.token()).post("/api/v1/notifications/admin/webhooks/" + subscription + "/deliveries/"
                + dead.get("id") + "/resend").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.forEvent(first.id()).stream()
                .anyMatch(r -> true) && deliveries(subscription).getList("items", Map.class).stream()
                .anyMatch(i -> first.id().equals(i.get("eventId")) && "DELIVERED".equals(i.get("status"))));

        // a stale version is a conflict
        given().auth().oauth2(Admin.token()).contentType(ContentType.JSON)
                .body(Map.of("status", "PAUSED", "version", paused.getLong("version")))
                .patch("/api/v1/notifications/admin/webhooks/" + subscription).then().statusCode(409)
                .body("code", equalTo("VERSION_CONFLICT"));
        given().auth().oauth2(Admin.token()).delete("/api/v1/notifications/admin/webhooks/" + subscription).then().statusCode(204);
    }

    @Test
    void subscriptions_are_validated_idempotent_and_admin_only() {
        String url = OutsideSystems.http().url("/hooks/" + Events.unique("v"));
        given().auth().oauth2(Admin.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "url", "ftp://example.vn/x", "eventTypes", List.of("*")))
                .post("/api/v1/notifications/admin/webhooks").then().statusCode(400).body("violations[0].field", equalTo("url"));
        given().auth().oauth2(Admin.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "url", url, "eventTypes", List.of("vn.motcua.dossier.exploded.v1")))
                .post("/api/v1/notifications/admin/webhooks").then().statusCode(400).body("violations[0].field", equalTo("eventTypes[0]"));
        given().auth().oauth2(Admin.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "url", url, "eventTypes", List.of()))
                .post("/api/v1/notifications/admin/webhooks").then().statusCode(400);
        given().auth().oauth2(Admin.token()).contentType(ContentType.JSON).body("{\"name\": \"x\", \"url\": ")
                .post("/api/v1/notifications/admin/webhooks").then().statusCode(400);

        Map<String, Object> body = Map.of("name", "Hệ thống tỉnh", "url", url, "eventTypes", List.of(DossierEvents.RESOLVED));
        String key = "webhook-" + Events.unique("k");
        String firstId = given().auth().oauth2(Admin.token()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/api/v1/notifications/admin/webhooks").then().statusCode(201)
                .body("secret", startsWith("whsec_")).extract().path("id");
        given().auth().oauth2(Admin.token()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/api/v1/notifications/admin/webhooks").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(firstId));
        given().auth().oauth2(Admin.token()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("name", "khác", "url", url, "eventTypes", List.of("*")))
                .post("/api/v1/notifications/admin/webhooks").then().statusCode(409).body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));

        given().auth().oauth2(DevTokens.officer("cb-001", "000.00.12.H29")).get("/api/v1/notifications/admin/webhooks").then().statusCode(403);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/notifications/admin/webhooks").then().statusCode(401);
        given().auth().oauth2(Admin.token()).get("/api/v1/notifications/admin/webhooks/not-an-id").then().statusCode(404);
        given().auth().oauth2(Admin.token()).delete("/api/v1/notifications/admin/webhooks/" + firstId).then().statusCode(204);
    }
}
