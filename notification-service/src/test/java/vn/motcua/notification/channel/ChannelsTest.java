package vn.motcua.notification.channel;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.motcua.contracts.common.Applicant;
import vn.motcua.contracts.dossier.DossierEvents;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.events.Topics;
import vn.motcua.contracts.notification.NotificationEvents;
import vn.motcua.notification.support.Admin;
import vn.motcua.notification.support.Events;
import vn.motcua.notification.support.HttpStub;
import vn.motcua.notification.support.OutsideSystems;
import vn.motcua.testing.SmtpServer;
import vn.motcua.testing.DevTokens;
import vn.motcua.testing.KafkaResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ChannelsTest {

    /** phone (84...) → the SMS provider's answer; others are accepted. */
    static final Map<String, HttpStub.Reply> SMS_REPLIES = new ConcurrentHashMap<>();

    @BeforeAll
    static void smsProvider() {
        OutsideSystems.http().respond("/sms/send", r -> {
            try {
                String to = CloudEventCodec.mapper().readTree(r.body()).path("to").asText();
                return SMS_REPLIES.getOrDefault(to, HttpStub.Reply.json(202, "{\"messageId\":\"sms-" + UUID.randomUUID() + "\"}"));
            } catch (Exception e) {
                return HttpStub.Reply.json(400, "{\"error\":\"bad json\"}");
            }
        });
    }

    private static CloudEvent received(Applicant applicant, String dossierId) {
        var dossier = Events.dossier(dossierId, applicant, "RECEIVED", 2);
        return Events.send(Topics.DOSSIER, dossierId, DossierEvents.RECEIVED, new DossierEvents.Received(dossier,
                "BN-" + dossierId, Events.now(), OffsetDateTime.parse("2026-11-24T17:00:00+07:00"), "cb-001"));
    }

    private static String intl(String mobile) {
        return "84" + mobile.substring(1);
    }

    @Test
    void a_received_dossier_reaches_inbox_email_and_sms_in_vietnamese() {
        String citizen = Events.unique("cd");
        String email = citizen + "@example.vn";
        String phone = Admin.randomMobile();
        String dossierId = Events.unique("dossier");
        CloudEvent event = received(Events.citizen(citizen, email, phone, "vi"), dossierId);

        await().atMost(Duration.ofSeconds(20)).until(() -> !OutsideSystems.smtp().mailsTo(email).isEmpty());
        SmtpServer.ReceivedMail mail = OutsideSystems.smtp().mailsTo(email).get(0);
        assertThat(mail.subject()).contains("đã được tiếp nhận").contains("000.00.12.H29-261123-");
        assertThat(mail.text()).contains("Kính gửi Nguyễn Văn An").contains("Số biên nhận: BN-" + dossierId)
                .contains("17:00 24/11/2026").contains("UBND phường Ba Đình");

        await().atMost(Duration.ofSeconds(20)).until(() -> smsTo(intl(phone)).size() == 1);
        HttpStub.Request sms = smsTo(intl(phone)).get(0);
        assertThat(sms.header("Authorization")).isEqualTo("Bearer test-sms-key");
        var json = CloudEventCodec.mapper().valueToTree(parse(sms.body()));
        assertThat(json.path("from").asText()).isEqualTo("MOTCUA");
        assertThat(json.path("text").asText()).contains("da tiep nhan").contains("17:00 24/11/2026");

        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(Admin.statusOf(event.id(), "SMS"))
                && "DELIVERED".equals(Admin.statusOf(event.id(), "EMAIL")));
        List<Map<String, Object>> messages = Admin.messagesOf(event.id());
        assertThat(messages).hasSize(3);
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.get("status")).isEqualTo("DELIVERED");
            assertThat(m.get("templateCode")).isEqualTo("dossier.received");
            assertThat(m.get("templateVersion")).isEqualTo(1);
            assertThat(m.get("language")).isEqualTo("vi");
        });
        assertThat(Admin.messageOf(event.id(), "SMS").get("address")).isEqualTo(intl(phone));
        assertThat(Admin.messageOf(event.id(), "SMS").get("providerReference").toString()).startsWith("sms-");

        // the outcome is published on notification.events
        String emailMessageId = (String) Admin.messageOf(event.id(), "EMAIL").get("id");
        CloudEvent delivered = awaitNotificationEvent(e -> e.type().equals(NotificationEvents.DELIVERED)
                && e.data().path("notificationId").asText().equals(emailMessageId));
        var payload = CloudEventCodec.dataAs(delivered, NotificationEvents.Delivered.class);
        assertThat(payload.channel()).isEqualTo("EMAIL");
        assertThat(payload.sourceEventId()).isEqualTo(event.id());
        assertThat(payload.recipientId()).isEqualTo(citizen);
        assertThat(payload.templateVersion()).isEqualTo(1);
        assertThat(delivered.source()).isEqualTo("/notification-service");
        assertThat(delivered.subject()).isEqualTo(dossierId);
    }

    @Test
    void an_english_speaking_applicant_gets_english_texts() {
        String citizen = Events.unique("cd");
        String email = citizen + "@example.com";
        String phone = Admin.randomMobile();
        String dossierId = Events.unique("dossier");
        received(Events.citizen(citizen, email, phone, "en"), dossierId);

        await().atMost(Duration.ofSeconds(20)).until(() -> !OutsideSystems.smtp().mailsTo(email).isEmpty());
        SmtpServer.ReceivedMail mail = OutsideSystems.smtp().mailsTo(email).get(0);
        assertThat(mail.subject()).startsWith("Dossier ").endsWith(" received");
        assertThat(mail.text()).contains("Dear Nguyễn Văn An").contains("Receipt number: BN-" + dossierId)
                .contains("Result promised by 17:00 24/11/2026");
        await().atMost(Duration.ofSeconds(20)).until(() -> smsTo(intl(phone)).size() == 1);
        assertThat(parse(smsTo(intl(phone)).get(0).body()).get("text").toString()).contains("received. Result due");
        String token = DevTokens.citizen(citizen);
        given().auth().oauth2(token).get("/api/v1/notifications/inbox").then().statusCode(200)
                .body("items[0].title", org.hamcrest.Matchers.startsWith("Dossier "));
    }

    @Test
    void an_invalid_email_or_phone_fails_that_message_and_the_consumer_carries_on() {
        String citizen = Events.unique("cd");
        String dossierId = Events.unique("dossier");
        CloudEvent bad = received(Events.citizen(citizen, "an.nguyen(at)example", "12345", "vi"), dossierId);
        // the next event, for someone else, is handled all the same
        String next = Events.unique("cd");
        String nextEmail = next + "@example.vn";
        received(Events.citizen(next, nextEmail, null, "vi"), Events.unique("dossier"));

        await().atMost(Duration.ofSeconds(20)).until(() -> !OutsideSystems.smtp().mailsTo(nextEmail).isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> Admin.messagesOf(bad.id()).size() == 3);
        Map<String, Object> email = Admin.messageOf(bad.id(), "EMAIL");
        Map<String, Object> sms = Admin.messageOf(bad.id(), "SMS");
        assertThat(email.get("status")).isEqualTo("PERMANENT_FAILURE");
        assertThat(email.get("failureReason").toString()).contains("invalid email address");
        assertThat(sms.get("status")).isEqualTo("PERMANENT_FAILURE");
        assertThat(sms.get("failureReason").toString()).contains("invalid phone number");
        assertThat(Admin.statusOf(bad.id(), "IN_APP")).isEqualTo("DELIVERED");

        List<Map<String, Object>> dead = given().auth().oauth2(Admin.token()).queryParam("deadLetters", true)
                .queryParam("recipientId", citizen).get("/api/v1/notifications/admin/messages")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(dead).extracting(m -> m.get("channel")).containsExactlyInAnyOrder("EMAIL", "SMS");
    }

    @Test
    void a_refusing_mail_server_is_a_permanent_failure() {
        String citizen = Events.unique("cd");
        String email = citizen + "@example.vn";
        OutsideSystems.smtp().replyToRecipient(email, "550 5.1.1 <" + email + ">: mailbox unavailable");
        CloudEvent event = received(Events.citizen(citizen, email, null, "vi"), Events.unique("dossier"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "PERMANENT_FAILURE".equals(Admin.statusOf(event.id(), "EMAIL")));
        assertThat(Admin.messageOf(event.id(), "EMAIL").get("failureReason").toString()).contains("550");
        assertThat(Admin.messageOf(event.id(), "EMAIL").get("attempts")).isEqualTo(1);
    }

    @Test
    void a_busy_sms_provider_is_retried_with_backoff_then_dead_lettered_and_can_be_requeued() {
        String citizen = Events.unique("cd");
        String phone = Admin.randomMobile();
        SMS_REPLIES.put(intl(phone), HttpStub.Reply.json(503, "{\"error\":\"operator busy\"}"));
        CloudEvent event = received(Events.citizen(citizen, null, phone, "vi"), Events.unique("dossier"));

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Map<String, Object> m = Admin.messageOf(event.id(), "SMS");
            return m != null && Boolean.TRUE.equals(m.get("deadLettered"));
        });
        Map<String, Object> dead = Admin.messageOf(event.id(), "SMS");
        assertThat(dead.get("status")).isEqualTo("TEMPORARY_FAILURE");
        assertThat(dead.get("attempts")).isEqualTo(3);
        assertThat(dead.get("failureReason").toString()).contains("503").contains("operator busy");
        assertThat(smsTo(intl(phone))).hasSize(3);
        // the attempts were spaced out (200 ms, then 400 ms at least)
        assertThat(Duration.between(smsTimes(intl(phone)).get(0), smsTimes(intl(phone)).get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(500));

        // the provider recovers; an admin re-queues the dead letter
        SMS_REPLIES.remove(intl(phone));
        String id = (String) dead.get("id");
        given().auth().oauth2(Admin.token()).post("/api/v1/notifications/admin/messages/" + id + "/retry").then()
                .statusCode(200).body("status", equalTo("QUEUED"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(Admin.statusOf(event.id(), "SMS")));
        // a delivered message is no dead letter
        given().auth().oauth2(Admin.token()).post("/api/v1/notifications/admin/messages/" + id + "/retry").then()
                .statusCode(409).body("code", equalTo("MESSAGE_NOT_DEAD_LETTERED"));
        given().auth().oauth2(DevTokens.citizen(citizen)).get("/api/v1/notifications/admin/messages").then().statusCode(403);
        given().get("/api/v1/notifications/admin/messages").then().statusCode(401);
        given().auth().oauth2(Admin.token()).get("/api/v1/notifications/admin/messages?status=LOST").then().statusCode(400);
        given().auth().oauth2(Admin.token()).get("/api/v1/notifications/admin/messages/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void a_malformed_event_goes_to_the_dead_letter_topic_and_later_events_flow() {
        String dossierId = Events.unique("dossier");
        CloudEvent broken = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), "/test", DossierEvents.RECEIVED,
                dossierId, Events.now(), CloudEvent.JSON, CloudEventCodec.mapper().createObjectNode().put("dossier", "not an object"));
        Events.send(Topics.DOSSIER, dossierId, broken);
        String citizen = Events.unique("cd");
        String email = citizen + "@example.vn";
        received(Events.citizen(citizen, email, null, "vi"), dossierId);
        await().atMost(Duration.ofSeconds(30)).until(() -> !OutsideSystems.smtp().mailsTo(email).isEmpty());
        // every handler that cannot read it dead-letters it (portal-sync too); the notification rules did
        List<ConsumerRecord<String, byte[]>> dlq = readAll(Topics.deadLetterOf(Topics.DOSSIER), r ->
                new String(r.value(), StandardCharsets.UTF_8).contains(broken.id())
                        && "notification-rules".equals(new String(r.headers().lastHeader("dlq-handler").value(), StandardCharsets.UTF_8)));
        assertThat(dlq).isNotEmpty();
        assertThat(new String(dlq.get(0).headers().lastHeader("dlq-attempts").value(), StandardCharsets.UTF_8)).isEqualTo("1");
    }

    @jakarta.inject.Inject
    MessageDispatcher dispatcher;

    @Test
    void senders_racing_over_the_queue_send_each_message_once() throws Exception {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String citizen = Events.unique("cd");
            addresses.add(citizen + "@example.vn");
            received(Events.citizen(citizen, citizen + "@example.vn", null, "vi"), Events.unique("dossier"));
        }
        // three more "instances" of the sender next to the scheduled one
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        long until = System.currentTimeMillis() + 6_000;
        List<java.util.concurrent.Future<?>> racers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            racers.add(pool.submit(() -> {
                for (int round = 0; round < 200 && System.currentTimeMillis() < until; round++) {
                    dispatcher.dispatchDue();
                    Thread.sleep(20);
                }
                return null;
            }));
        }
        for (var racer : racers) {
            racer.get(90, java.util.concurrent.TimeUnit.SECONDS);
        }
        pool.shutdown();
        await().atMost(Duration.ofSeconds(20)).until(() -> addresses.stream().allMatch(a -> !OutsideSystems.smtp().mailsTo(a).isEmpty()));
        Thread.sleep(1_000);
        for (String address : addresses) {
            assertThat(OutsideSystems.smtp().mailsTo(address)).as(address).hasSize(1);
        }
    }

    private static List<HttpStub.Request> smsTo(String to) {
        return OutsideSystems.http().requests("/sms/send").stream().filter(r -> r.body().contains("\"" + to + "\"")).toList();
    }

    private static List<OffsetDateTime> smsTimes(String to) {
        return smsTo(to).stream().map(HttpStub.Request::receivedAt).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String body) {
        try {
            return CloudEventCodec.mapper().readValue(body, Map.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static CloudEvent awaitNotificationEvent(java.util.function.Predicate<CloudEvent> match) {
        List<ConsumerRecord<String, byte[]>> found = readAll(Topics.NOTIFICATION,
                r -> match.test(CloudEventCodec.read(r.value())));
        assertThat(found).as("a matching event on notification.events").isNotEmpty();
        return CloudEventCodec.read(found.get(0).value());
    }

    static List<ConsumerRecord<String, byte[]>> readAll(String topic, java.util.function.Predicate<ConsumerRecord<String, byte[]>> match) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.broker().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, byte[]>> matches = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 20_000;
            while (matches.isEmpty() && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (match.test(record)) {
                        matches.add(record);
                    }
                }
            }
            return matches;
        }
    }
}
