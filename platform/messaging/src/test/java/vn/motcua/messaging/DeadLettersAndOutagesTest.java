package vn.motcua.messaging;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.messaging.inbox.EventConsumer;
import vn.motcua.messaging.inbox.LedgerRetention;
import vn.motcua.messaging.testapp.NoteSeenHandler;
import vn.motcua.messaging.testapp.NoteService;
import vn.motcua.testing.DevTokens;
import vn.motcua.testing.KafkaResource;
import vn.motcua.testing.PostgresResource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Passing trouble never dead-letters a healthy event; a poison event is dead-lettered at once and replayed through
 * the admin endpoint after a fix. Real PostgreSQL (cut off for 30 s) and a real Kafka broker.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class DeadLettersAndOutagesTest {

    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    EventConsumer consumer;
    @Inject
    MeterRegistry meters;

    @Test
    void a_database_outage_of_30_seconds_dead_letters_nothing_and_every_event_is_handled_once() throws Exception {
        List<CloudEvent> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            events.add(CloudEventCodec.create("/test", NoteService.NOTED, "k-outage-" + i, Map.of("text", "outage " + i)));
        }
        for (CloudEvent event : events.subList(0, 10)) {
            KafkaResource.send(NoteService.TOPIC, event.subject(), CloudEventCodec.write(event));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> seenOfAll(events.subList(0, 10)) == 10);

        String database = currentDatabase();
        cutDatabase(database);
        try {
            for (CloudEvent event : events.subList(10, 30)) {
                KafkaResource.send(NoteService.TOPIC, event.subject(), CloudEventCodec.write(event));
            }
            // the consumer is held up, says so, and stays in its group
            await().atMost(Duration.ofSeconds(30)).until(() -> !consumer.state().stuck().isEmpty());
            given().when().get("/q/health/ready").then().statusCode(503).body(containsString("stuck"));
            Thread.sleep(OUTAGE.toMillis()); // the outage lasts: ten times what the old retries survived
            assertThat(consumer.state().stuck()).isNotEmpty();
        } finally {
            restoreDatabase(database);
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> seenOfAll(events) == events.size());
        for (CloudEvent event : events) {
            assertThat(scalar("select count(*) from note_seen where event_id = '" + event.id() + "'"))
                    .as("handled once: %s", event.id()).isEqualTo(1);
            assertThat(scalar("select count(*) from dead_letter where event_id = '" + event.id() + "'")).isZero();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.state().stuck().isEmpty());
        assertThat(meters.find("motcua.events.consumer.lag").tag("topic", NoteService.TOPIC).gauges()).isNotEmpty();
        assertThat(meters.find("motcua.events.handled").tag("handler", "NoteSeenHandler").counters()).isNotEmpty();
    }

    @Test
    void a_poison_event_is_dead_lettered_at_once_and_replayed_after_a_fix() {
        CloudEvent poison = CloudEventCodec.create("/test", NoteService.NOTED, "k-replay", Map.of("text", "poison-replay"));
        KafkaResource.send(NoteService.TOPIC, "k-replay", CloudEventCodec.write(poison));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> scalar("select count(*) from dead_letter where event_id = '" + poison.id() + "'") == 1);
        long id = scalar("select id from dead_letter where event_id = '" + poison.id() + "'");

        given().auth().oauth2(DevTokens.admin("ops")).when().get("/api/v1/admin/dead-letters?limit=200").then()
                .statusCode(200)
                .body("find { it.id == " + id + " }.handler", equalTo("NoteSeenHandler"))
                .body("find { it.id == " + id + " }.attempts", equalTo(1))
                .body("find { it.id == " + id + " }.reason", containsString("cannot digest poison"))
                .body("find { it.id == " + id + " }.eventType", equalTo(NoteService.NOTED));

        // replayed before the fix: refused again, still pending
        given().auth().oauth2(DevTokens.admin("ops")).when().post("/api/v1/admin/dead-letters/" + id + "/replay").then()
                .statusCode(422).contentType("application/problem+json").body("code", equalTo("DEAD_LETTER_STILL_REFUSED"));
        assertThat(seen(poison.id())).isZero();

        NoteSeenHandler.CURED.add("poison-replay");
        given().auth().oauth2(DevTokens.admin("ops")).when().post("/api/v1/admin/dead-letters/" + id + "/replay").then()
                .statusCode(200).body("replayedAt", org.hamcrest.Matchers.notNullValue()).body("replayAttempts", equalTo(2));
        assertThat(seen(poison.id())).isEqualTo(1);

        // a second replay (or replay-all) has no second effect: the processed-event ledger
        given().auth().oauth2(DevTokens.admin("ops")).when().post("/api/v1/admin/dead-letters/" + id + "/replay").then()
                .statusCode(200);
        given().auth().oauth2(DevTokens.admin("ops")).when().post("/api/v1/admin/dead-letters/replay-all").then()
                .statusCode(200);
        assertThat(seen(poison.id())).isEqualTo(1);
        given().auth().oauth2(DevTokens.admin("ops")).when().get("/api/v1/admin/dead-letters?status=pending&limit=200").then()
                .statusCode(200).body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem((int) id)));
    }

    @Test
    void an_unreadable_record_is_not_replayable_and_the_endpoint_is_for_admins_only() {
        byte[] garbage = "{no envelope here".getBytes(StandardCharsets.UTF_8);
        KafkaResource.send(NoteService.TOPIC, "k-garbage", garbage);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                scalar("select count(*) from dead_letter where handler = 'envelope' and event_key = 'k-garbage'") == 1);
        long id = scalar("select id from dead_letter where handler = 'envelope' and event_key = 'k-garbage'");

        given().auth().oauth2(DevTokens.admin("ops")).when().post("/api/v1/admin/dead-letters/" + id + "/replay").then()
                .statusCode(409).contentType("application/problem+json").body("code", equalTo("DEAD_LETTER_NOT_REPLAYABLE"));
        given().auth().oauth2(DevTokens.admin("ops")).when().get("/api/v1/admin/dead-letters/" + id).then()
                .statusCode(200).body("payload", equalTo("{no envelope here")).body("handler", equalTo("envelope"));
        given().auth().oauth2(DevTokens.admin("ops")).when().get("/api/v1/admin/dead-letters/999999999").then()
                .statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().auth().oauth2(DevTokens.admin("ops")).when().get("/api/v1/admin/dead-letters/not-a-number").then()
                .statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().auth().oauth2(DevTokens.admin("ops")).when().get("/api/v1/admin/dead-letters?status=forgotten").then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        given().auth().oauth2(DevTokens.admin("ops")).when().get("/api/v1/admin/dead-letters?limit=100000").then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        given().when().get("/api/v1/admin/dead-letters").then().statusCode(401);
        given().auth().oauth2(DevTokens.citizen("someone")).when().post("/api/v1/admin/dead-letters/replay-all").then()
                .statusCode(403);
        given().auth().oauth2(DevTokens.citizen("someone")).when().get("/api/v1/admin/dead-letters/" + id).then()
                .statusCode(403);
    }

    @Test
    void readiness_says_the_consumer_joined_its_group() {
        await().atMost(Duration.ofSeconds(60)).until(() -> consumer.state().joined());
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'event consumer' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'event consumer' }.data.joined-group", equalTo(true));
    }

    @Test
    void the_ledger_forgets_old_events_in_batches_and_one_instance_purges_at_a_time() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("""
                    insert into processed_event (consumer, event_id, event_type, processed_at)
                    select 'RetentionTest', 'old-' || n, 't', now() - interval '31 days' from generate_series(1, 7) n""");
            statement.executeUpdate("""
                    insert into processed_event (consumer, event_id, event_type, processed_at)
                    select 'RetentionTest', 'recent-' || n, 't', now() - interval '29 days' from generate_series(1, 3) n""");
        }
        LedgerRetention retention = new LedgerRetention(dataSource, 3);

        // another instance is purging: this one skips the round
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement lock = other.createStatement()) {
                lock.execute("select pg_advisory_xact_lock(" + 0x6d6f7463 + ", -1)");
                assertThat(retention.purgeOlderThan(Duration.ofDays(30))).isZero();
            } finally {
                other.rollback();
                other.setAutoCommit(true);
            }
        }
        assertThat(scalar("select count(*) from processed_event where consumer = 'RetentionTest'")).isEqualTo(10);

        assertThat(retention.purgeOlderThan(Duration.ofDays(30))).isGreaterThanOrEqualTo(7); // in batches of 3
        assertThat(scalar("select count(*) from processed_event where consumer = 'RetentionTest' and event_id like 'old-%'")).isZero();
        assertThat(scalar("select count(*) from processed_event where consumer = 'RetentionTest' and event_id like 'recent-%'")).isEqualTo(3);
    }

    private String currentDatabase() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select current_database()")) {
            result.next();
            return result.getString(1);
        }
    }

    /** No one may connect to the service's database any more, and its open connections are cut. */
    private static void cutDatabase(String database) throws Exception {
        try (Connection admin = adminConnection(); Statement statement = admin.createStatement()) {
            statement.execute("alter database \"" + database + "\" allow_connections false");
            try (PreparedStatement kill = admin.prepareStatement(
                    "select pg_terminate_backend(pid) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()")) {
                kill.setString(1, database);
                kill.executeQuery().close();
            }
        }
    }

    private static void restoreDatabase(String database) throws Exception {
        try (Connection admin = adminConnection(); Statement statement = admin.createStatement()) {
            statement.execute("alter database \"" + database + "\" allow_connections true");
        }
    }

    private static Connection adminConnection() throws Exception {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String adminUrl = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        String user = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres");
        String password = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class).orElse("");
        return DriverManager.getConnection(adminUrl, user, password);
    }

    private long seenOfAll(List<CloudEvent> events) {
        return scalar("select count(distinct event_id) from note_seen where event_id in ("
                + String.join(",", events.stream().map(e -> "'" + e.id() + "'").toList()) + ")");
    }

    private long seen(String eventId) {
        return scalar("select count(*) from note_seen where event_id = '" + eventId + "'");
    }

    private long scalar(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
