package vn.motcua.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.messaging.outbox.Outbox;
import vn.motcua.messaging.outbox.OutboxPublisher;
import vn.motcua.messaging.testapp.NoteService;
import vn.motcua.testing.KafkaResource;
import vn.motcua.testing.PostgresResource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The messaging guarantees, against a real PostgreSQL and a real Kafka broker. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class MessagingTest {

    @Inject
    NoteService notes;
    @Inject
    Outbox outbox;
    @Inject
    EntityManager entityManager;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void an_event_is_published_only_when_its_state_change_commits() {
        assertThatThrownBy(() -> notes.writeThenFail("rolled back")).isInstanceOf(IllegalStateException.class);
        CloudEvent committed = notes.write("k-commit", "committed");

        await().atMost(Duration.ofSeconds(30)).until(() -> seen(committed.id()) == 1);
        assertThat(scalar("select count(*) from outbox_event where payload like '%rolled back%'")).isZero();
        assertThat(scalar("select count(*) from note where text = 'rolled back'")).isZero();
    }

    @Test
    void an_event_committed_while_kafka_is_down_is_delivered_after_it_restarts() {
        KafkaResource.broker().stop();
        CloudEvent event;
        try {
            event = notes.write("k-outage", "written during the outage");
            assertThat(scalar("select count(*) from outbox_event where event_id = '" + event.id() + "' and sent_at is null"))
                    .isEqualTo(1);
        } finally {
            KafkaResource.broker().start();
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> seen(event.id()) == 1);
        assertThat(scalar("select count(*) from outbox_event where event_id = '" + event.id() + "' and sent_at is not null"))
                .isEqualTo(1);
    }

    @Test
    void a_duplicate_delivery_has_one_effect() throws Exception {
        CloudEvent event = CloudEventCodec.create("/test", NoteService.NOTED, "k-dup", Map.of("text", "delivered twice"));
        CloudEvent marker = CloudEventCodec.create("/test", NoteService.NOTED, "k-dup", Map.of("text", "after the duplicate"));
        for (CloudEvent e : List.of(event, event, marker)) {
            KafkaResource.send(NoteService.TOPIC, "k-dup", CloudEventCodec.write(e));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> seen(marker.id()) == 1);
        assertThat(seen(event.id())).isEqualTo(1);
    }

    @Test
    void a_poison_message_goes_to_the_dead_letter_topic_and_later_events_still_flow() throws Exception {
        CloudEvent poison = notes.write("k-poison", "poison");
        byte[] garbage = "{not a cloud event".getBytes(StandardCharsets.UTF_8);
        KafkaResource.send(NoteService.TOPIC, "k-poison", garbage);
        CloudEvent after = notes.write("k-poison", "after the poison");

        await().atMost(Duration.ofSeconds(60)).until(() -> seen(after.id()) == 1);
        assertThat(seen(poison.id())).isZero();

        List<ConsumerRecord<String, byte[]>> deadLetters = readAll(NoteService.TOPIC + ".dlq", 2);
        ConsumerRecord<String, byte[]> poisonLetter = deadLetters.stream()
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(poison.id())).findFirst().orElseThrow();
        assertThat(header(poisonLetter, "dlq-reason")).contains("cannot digest poison");
        assertThat(header(poisonLetter, "dlq-attempts")).isEqualTo("1"); // a poison verdict is not retried
        assertThat(header(poisonLetter, "dlq-original-topic")).isEqualTo(NoteService.TOPIC);
        assertThat(header(poisonLetter, "dlq-handler")).isEqualTo("NoteSeenHandler");
        assertThat(deadLetters).anySatisfy(r -> {
            assertThat(r.value()).isEqualTo(garbage);
            assertThat(header(r, "dlq-reason")).contains("not a CloudEvents JSON envelope");
        });
    }

    @Test
    void two_relays_racing_over_one_outbox_publish_every_row_once_and_in_order_per_key() throws Exception {
        String topic = "test.race";
        topicWithLeaders(topic); // so the race measures the relays, not a topic being auto-created under them
        List<String> ids = writeRaceEvents(topic, 400, 16);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (OutboxPublisher first = new OutboxPublisher(dataSource, OutboxPublisher.producer(KafkaResource.broker().bootstrapServers(), "race-1"), 16, 25);
             OutboxPublisher second = new OutboxPublisher(dataSource, OutboxPublisher.producer(KafkaResource.broker().bootstrapServers(), "race-2"), 16, 25)) {
            List<CompletableFuture<Void>> racers = new ArrayList<>();
            for (OutboxPublisher publisher : List.of(first, second)) {
                racers.add(CompletableFuture.runAsync(() -> {
                    try {
                        int shard = 0;
                        while (pendingOf(topic) > 0) {
                            publisher.publishPending(shard++);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            CompletableFuture.allOf(racers.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdown();
        }
        List<ConsumerRecord<String, byte[]>> records = readAll(topic, ids.size());
        List<String> published = records.stream().map(r -> CloudEventCodec.read(r.value()).id()).toList();
        assertThat(published).hasSize(ids.size());
        assertThat(new HashSet<>(published)).hasSize(ids.size()).containsAll(ids);
        Map<String, Integer> lastSequencePerKey = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            int sequence = CloudEventCodec.read(record.value()).data().path("sequence").asInt();
            Integer previous = lastSequencePerKey.put(record.key(), sequence);
            assertThat(previous == null || previous < sequence).as("order of key %s", record.key()).isTrue();
        }
    }

    private static void topicWithLeaders(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.broker().bootstrapServers()))) {
            try {
                admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(topic).partitions().stream().allMatch(p -> p.leader() != null));
        }
    }

    @Transactional
    List<String> writeRaceEvents(String topic, int count, int keys) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(outbox.publish(topic, "key-" + (i % keys), "vn.motcua.test.raced.v1", Map.of("sequence", i)).id());
        }
        return ids;
    }

    private long pendingOf(String topic) {
        return scalar("select count(*) from outbox_event where sent_at is null and topic = '" + topic + "'");
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

    private static List<ConsumerRecord<String, byte[]>> readAll(String topic, int atLeast) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.broker().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(Set.of(topic));
            Instant deadline = Instant.now().plusSeconds(30);
            Instant quietUntil = null;
            while (Instant.now().isBefore(deadline)) {
                int before = records.size();
                consumer.poll(Duration.ofMillis(300)).forEach(records::add);
                if (records.size() >= atLeast) {
                    // keep reading briefly: a duplicate would arrive right after
                    if (quietUntil == null || records.size() > before) {
                        quietUntil = Instant.now().plusSeconds(2);
                    } else if (Instant.now().isAfter(quietUntil)) {
                        break;
                    }
                }
            }
        }
        return records;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
