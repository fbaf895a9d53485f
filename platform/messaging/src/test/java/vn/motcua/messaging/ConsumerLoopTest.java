package vn.motcua.messaging;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.motcua.messaging.inbox.ConsumerLoop;
import vn.motcua.messaging.inbox.ConsumerState;
import vn.motcua.testing.KafkaResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer's poll loop on the real broker, without an application around it: what happens to the records of
 * a poll when one of them fails.
 */
class ConsumerLoopTest {

    private static final int PARTITIONS = 3;
    private static final int PER_PARTITION = 20;

    @BeforeAll
    static void broker() {
        KafkaResource.broker().start();
    }

    @Test
    void a_transient_failure_on_one_partition_skips_nothing_on_the_others_and_handles_every_record_once() throws Exception {
        String topic = topicWithRecords("loop.transient");
        Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
        AtomicBoolean failed = new AtomicBoolean();
        // fails once, on the first record it sees: the poll it came in holds records of other partitions too
        ConsumerLoop.RecordProcessor processor = record -> {
            if (failed.compareAndSet(false, true)) {
                throw new IllegalStateException("database unavailable (simulated, once)");
            }
            handled.computeIfAbsent(new String(record.value(), StandardCharsets.UTF_8), k -> new AtomicInteger()).incrementAndGet();
        };
        ConsumerState state = new ConsumerState(new SimpleMeterRegistry());
        String group = "loop-" + System.nanoTime();
        RecordingConsumer consumer = new RecordingConsumer(group);
        List<Set<Integer>> polls = consumer.polls;
        run(consumer, topic, processor, state, () -> handled.size() == PARTITIONS * PER_PARTITION);

        assertThat(failed).isTrue();
        assertThat(handled).hasSize(PARTITIONS * PER_PARTITION);
        assertThat(handled.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(committed(topic, group)).containsOnly(PER_PARTITION + 0L);
        assertThat(state.stuck()).isEmpty();
        // the scenario really happened: the poll of the failing record carried other partitions' records too
        assertThat(polls.get(0)).hasSizeGreaterThan(1);
    }

    @Test
    void a_record_that_keeps_failing_holds_only_its_partition_and_nothing_behind_it_is_committed() throws Exception {
        String topic = topicWithRecords("loop.stuck");
        Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
        AtomicBoolean outage = new AtomicBoolean(true);
        String blocked = "p1-r5";
        ConsumerLoop.RecordProcessor processor = record -> {
            String value = new String(record.value(), StandardCharsets.UTF_8);
            if (value.equals(blocked) && outage.get()) {
                throw new IllegalStateException("dependency down");
            }
            handled.computeIfAbsent(value, k -> new AtomicInteger()).incrementAndGet();
        };
        ConsumerState state = new ConsumerState(new SimpleMeterRegistry());
        String group = "loop-" + System.nanoTime();
        KafkaConsumer<String, byte[]> consumer = consumer(group);
        ConsumerLoop loop = new ConsumerLoop(consumer, processor, settings(), state);
        loop.subscribe(List.of(topic));
        Thread thread = new Thread(loop, "loop-under-test");
        thread.start();
        try {
            // the other partitions are handled completely while partition 1 waits at its failing record
            await().atMost(Duration.ofSeconds(60)).until(() -> handled.size() == 2 * PER_PARTITION + 5
                    && state.stuck().stream().anyMatch(s -> s.attempts() >= 3));
            assertThat(state.joined()).isTrue();
            assertThat(state.stuck()).singleElement().satisfies(s -> {
                assertThat(s.partition()).isEqualTo(topic + "-1");
                assertThat(s.offset()).isEqualTo(5);
                assertThat(s.lastError()).contains("dependency down");
            });
            outage.set(false);
            await().atMost(Duration.ofSeconds(60)).until(() -> handled.size() == PARTITIONS * PER_PARTITION);
            await().atMost(Duration.ofSeconds(30)).until(() -> state.stuck().isEmpty());
        } finally {
            loop.stop();
            thread.join(30_000);
        }
        assertThat(handled.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(committed(topic, group)).containsOnly(PER_PARTITION + 0L);
    }

    private static void run(KafkaConsumer<String, byte[]> consumer, String topic, ConsumerLoop.RecordProcessor processor,
                            ConsumerState state, java.util.concurrent.Callable<Boolean> done) throws Exception {
        ConsumerLoop loop = new ConsumerLoop(consumer, processor, settings(), state);
        loop.subscribe(List.of(topic));
        Thread thread = new Thread(loop, "loop-under-test");
        thread.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(done);
        } finally {
            loop.stop();
            thread.join(30_000);
        }
        assertThat(thread.isAlive()).isFalse();
    }

    static ConsumerLoop.Settings settings() {
        return new ConsumerLoop.Settings(Duration.ofMillis(200), Duration.ofMillis(50), Duration.ofMillis(400), false);
    }

    static KafkaConsumer<String, byte[]> consumer(String group) {
        return new KafkaConsumer<>(consumerProperties(group), new StringDeserializer(), new ByteArrayDeserializer());
    }

    static Map<String, Object> consumerProperties(String group) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.broker().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    }

    /** Notes which partitions each non-empty poll returned. */
    static final class RecordingConsumer extends KafkaConsumer<String, byte[]> {
        final List<Set<Integer>> polls = new CopyOnWriteArrayList<>();

        RecordingConsumer(String group) {
            super(consumerProperties(group), new StringDeserializer(), new ByteArrayDeserializer());
        }

        @Override
        public ConsumerRecords<String, byte[]> poll(Duration timeout) {
            ConsumerRecords<String, byte[]> records = super.poll(timeout);
            if (!records.isEmpty()) {
                polls.add(records.partitions().stream().map(TopicPartition::partition).collect(Collectors.toSet()));
            }
            return records;
        }
    }

    /** A topic of 3 partitions holding records "p<partition>-r<n>", written before any consumer reads it. */
    static String topicWithRecords(String prefix) throws Exception {
        String topic = prefix + "-" + System.nanoTime();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.broker().bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.broker().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (int n = 0; n < PER_PARTITION; n++) {
                for (int p = 0; p < PARTITIONS; p++) {
                    sent.add(producer.send(new ProducerRecord<>(topic, p, "k" + p,
                            ("p" + p + "-r" + n).getBytes(StandardCharsets.UTF_8))));
                }
            }
            for (java.util.concurrent.Future<?> future : sent) {
                future.get(30, TimeUnit.SECONDS);
            }
        }
        return topic;
    }

    /** The group's committed offset of each partition (-1 for none). */
    static List<Long> committed(String topic, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.broker().bootstrapServers()))) {
            offsets.putAll(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS));
        }
        List<Long> committed = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            OffsetAndMetadata offset = offsets.get(new TopicPartition(topic, p));
            committed.add(offset == null ? -1L : offset.offset());
        }
        return committed;
    }
}
