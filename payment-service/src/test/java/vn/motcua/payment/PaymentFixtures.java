package vn.motcua.payment;

import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import vn.motcua.contracts.common.Applicant;
import vn.motcua.contracts.common.FeeLine;
import vn.motcua.contracts.dossier.DossierEvents;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.events.Topics;
import vn.motcua.testing.DevTokens;
import vn.motcua.testing.KafkaResource;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Shared steps of the payment tests: a dossier needing payment over real Kafka, and driving the sandbox over HTTP. */
public final class PaymentFixtures {

    public static final String AGENCY = "000.21.27.H29";
    public static final String RETURN_URL = "http://localhost:3000/thanh-toan/ket-qua";

    private PaymentFixtures() {
    }

    public record Dossier(String dossierId, String dossierCode, String citizen, String token) {
    }

    public static Dossier newDossier() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String citizen = "cd-" + suffix;
        return new Dossier("dos-" + suffix, AGENCY + "-261123-" + suffix, citizen, DevTokens.citizen(citizen));
    }

    public static CloudEvent paymentRequired(Dossier d, String returnMethod, boolean online, List<FeeLine> fees) {
        DossierEvents.DossierRef ref = new DossierEvents.DossierRef(d.dossierId(), d.dossierCode(), "2.000908",
                "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", AGENCY, "Sở Tư pháp thành phố Hà Nội",
                new Applicant(d.citizen(), "Nguyễn Văn An", "an.nguyen@example.vn", "0912345678", "vi"),
                online ? "ONLINE" : "COUNTER", returnMethod, "AWAITING_PAYMENT", 6, null, null);
        long total = fees.stream().mapToLong(FeeLine::amountVnd).sum();
        return CloudEventCodec.create("/dossier-service", DossierEvents.PAYMENT_REQUIRED, d.dossierId(),
                new DossierEvents.PaymentRequired(ref, fees, total, online, null, OffsetDateTime.now(CloudEventCodec.ZONE)));
    }

    /**
     * Tells payment-service (over Kafka, as dossier-service does) that a dossier of {@code agency} was submitted, and
     * waits until it knows it.
     */
    public static void submitted(Dossier d, String agency, Db db) {
        DossierEvents.DossierRef ref = new DossierEvents.DossierRef(d.dossierId(), d.dossierCode(), "2.000908",
                "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", agency, "Sở Tư pháp",
                new Applicant(d.citizen(), "Nguyễn Văn An", "an.nguyen@example.vn", "0912345678", "vi"),
                "ONLINE", "ELECTRONIC", "AWAITING_PAYMENT", 6, null, null);
        send(CloudEventCodec.create("/dossier-service", DossierEvents.SUBMITTED, d.dossierId(),
                new DossierEvents.Submitted(ref, OffsetDateTime.now(CloudEventCodec.ZONE), true, null)));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
                db.count("select count(*) from known_dossier where dossier_id = '" + d.dossierId() + "'") == 1);
    }

    public static List<FeeLine> judicialRecordFee() {
        return List.of(new FeeLine("LE_PHI", "Lệ phí cấp Phiếu lý lịch tư pháp", 200_000));
    }

    public static void send(CloudEvent... events) {
        for (CloudEvent event : events) {
            KafkaResource.send(Topics.DOSSIER, event.subject(), CloudEventCodec.write(event));
        }
    }

    /** Sends a payment-required event and waits until the citizen sees the payment; returns its id. */
    public static String requirePayment(Dossier d, String returnMethod, boolean online, List<FeeLine> fees) {
        send(paymentRequired(d, returnMethod, online, fees));
        return awaitPaymentId(d);
    }

    public static String awaitPaymentId(Dossier d) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<String> ids = given().auth().oauth2(d.token()).queryParam("dossierCode", d.dossierCode())
                    .get("/api/v1/payments").then().statusCode(200).extract().jsonPath().getList("items.id");
            if (ids.isEmpty()) {
                return false;
            }
            id[0] = ids.get(ids.size() - 1);
            return true;
        });
        return id[0];
    }

    public static Response checkout(Dossier d, String paymentId, String provider, String key) {
        return given().auth().oauth2(d.token()).header("Idempotency-Key", key).contentType("application/json")
                .body(Map.of("provider", provider, "returnUrl", RETURN_URL))
                .post("/api/v1/payments/" + paymentId + "/checkout");
    }

    /** Starts a payment and opens the provider's page the way a browser would; returns the sandbox transaction number. */
    public static String startAndOpenProviderPage(Dossier d, String paymentId, String provider) {
        String redirect = checkout(d, paymentId, provider, "k-" + UUID.randomUUID()).then().statusCode(201)
                .extract().path("redirectUrl");
        String html = given().urlEncodingEnabled(false).redirects().follow(false).get(redirect).then().statusCode(200)
                .extract().asString();
        int at = html.indexOf("/sandbox/pay/") + "/sandbox/pay/".length();
        return html.substring(at, html.indexOf('/', at));
    }

    /** Picks an outcome on the sandbox page; returns the Location the sandbox sends the browser to (or null). */
    public static String complete(String transactionNo, String outcome) {
        return given().redirects().follow(false).queryParam("outcome", outcome)
                .get("/sandbox/pay/" + transactionNo + "/complete").then().extract().header("Location");
    }

    public static String status(Dossier d, String paymentId) {
        return given().auth().oauth2(d.token()).get("/api/v1/payments/" + paymentId).then().statusCode(200)
                .extract().path("status");
    }

    public static String pathAndQuery(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** Reads payment.events from the start until an event matches. */
    public static List<CloudEvent> awaitEvents(Predicate<CloudEvent> wanted, int count) {
        List<CloudEvent> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.broker().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.PAYMENT));
            long deadline = System.currentTimeMillis() + 60_000;
            while (found.size() < count && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    CloudEvent event = CloudEventCodec.read(record.value());
                    if (wanted.test(event)) {
                        found.add(event);
                    }
                }
            }
        }
        return found;
    }
}
