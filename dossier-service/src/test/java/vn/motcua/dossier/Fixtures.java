package vn.motcua.dossier;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.events.Topics;
import vn.motcua.testing.DevTokens;
import vn.motcua.testing.KafkaResource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Tokens, requests and real Kafka access shared by the @QuarkusTests of this module. */
public final class Fixtures {

    public static final String BA_DINH = "000.00.12.H29";
    public static final String SO_TU_PHAP = "000.21.27.H29";
    public static final String BIRTH = "1.001193";
    public static final String JUDICIAL_RECORD = "2.000908";
    public static final String PDF = Base64.getEncoder().encodeToString("%PDF-1.4 test document".getBytes());

    private Fixtures() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A JSON object of any size (Map.of stops at ten pairs). */
    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    public static String citizen(String subject) {
        return DevTokens.subject(subject, "citizen").claim("name", "Nguyễn Văn An")
                .claim("email", "an.nguyen@example.vn").claim("phone", "0912345678").sign();
    }

    public static String officer(String agency) {
        return DevTokens.officer(unique("cb"), agency);
    }

    public static String officer(String subject, String agency) {
        return DevTokens.officer(subject, agency);
    }

    public static String leader(String agency) {
        return DevTokens.subject(unique("ld"), "leader", "officer").claim("agency", agency).sign();
    }

    public static String portal() {
        return DevTokens.subject("national-portal", "portal").sign();
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A draft of {@code procedure} with ELECTRONIC return; returns its id. */
    public static String draft(String token, String procedure) {
        return as(token).body(Map.of("procedureCode", procedure, "channel", "ONLINE", "returnMethod", "ELECTRONIC"))
                .post("/api/v1/dossiers").then().statusCode(201).extract().path("id");
    }

    public static ValidatableResponse upload(String token, String id, String documentCode) {
        return as(token).body(Map.of("requiredDocumentCode", documentCode, "fileName", documentCode.toLowerCase() + ".pdf",
                "contentType", "application/pdf", "contentBase64", PDF)).post("/api/v1/dossiers/" + id + "/documents").then();
    }

    /** A submitted 1.001193 dossier (no fee): status SUBMITTED; returns its id. */
    public static String submittedBirthRegistration(String citizen) {
        String id = draft(citizen, BIRTH);
        upload(citizen, id, "TK").statusCode(201);
        upload(citizen, id, "GCS").statusCode(201);
        as(citizen).post("/api/v1/dossiers/" + id + "/submit").then().statusCode(200);
        return id;
    }

    /** Submitted and received by an officer of Ba Đình. */
    public static String receivedBirthRegistration(String citizen, String officer) {
        String id = submittedBirthRegistration(citizen);
        as(officer).body("{}").post("/api/v1/dossiers/" + id + "/receive").then().statusCode(200);
        return id;
    }

    // ------------------------------------------------------------------ Kafka

    public static void produce(String topic, String key, CloudEvent event) {
        KafkaResource.send(topic, key, CloudEventCodec.write(event));
    }

    /** Reads dossier.events from the beginning with a fresh consumer group until {@code type} for {@code key} shows up. */
    public static final class DossierTopic implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

        public DossierTopic() {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.broker().bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, unique("test-reader"),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
            consumer.subscribe(List.of(Topics.DOSSIER));
        }

        public ConsumerRecord<String, String> await(String key, String type) {
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                Optional<ConsumerRecord<String, String>> found = find(key, type);
                if (found.isPresent()) {
                    return found.get();
                }
                consumer.poll(Duration.ofMillis(300)).forEach(seen::add);
            }
            throw new AssertionError("no " + type + " for " + key + " on " + Topics.DOSSIER + " within 30 s");
        }

        public List<String> typesFor(String key) {
            return seen.stream().filter(r -> key.equals(r.key()))
                    .map(r -> CloudEventCodec.read(r.value().getBytes()).type()).toList();
        }

        private Optional<ConsumerRecord<String, String>> find(String key, String type) {
            return seen.stream().filter(r -> key.equals(r.key()))
                    .filter(r -> type.equals(CloudEventCodec.read(r.value().getBytes()).type())).findFirst();
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
