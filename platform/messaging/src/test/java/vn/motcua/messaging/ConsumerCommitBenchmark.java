package vn.motcua.messaging;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.motcua.kafka.KafkaBroker;
import vn.motcua.messaging.inbox.ConsumerLoop;
import vn.motcua.messaging.inbox.ConsumerState;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * What committing offsets once per poll instead of after every record saves, on a real broker (started here, on
 * free ports). Rerunnable, not a test:
 * <pre>
 * ./mvnw -q -B -pl platform/messaging -am test-compile dependency:build-classpath \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
 * java -cp platform/messaging/target/test-classes:platform/messaging/target/classes:$(cat platform/messaging/target/bench-classpath.txt) \
 *     vn.motcua.messaging.ConsumerCommitBenchmark [records=3000] [rounds=2] [handler-micros=0]
 * </pre>
 * Both modes read the same topic (6 partitions, 50 records per poll as in the services) from the start in a group
 * of their own, alternating, the same {@link ConsumerLoop} with {@code commitPerRecord} on or off. The handler
 * does nothing, or busy-waits {@code handler-micros} to stand in for a handler's database transaction.
 *
 * <p>2026-12-03, 2-core machine shared with other builds, test broker: 20000 records x 3 rounds, no-op handler:
 * per-record 124 events/s (a synchronous commit costs ~8 ms on this broker), per-poll 134923 events/s, ratio 1088;
 * 2000 records, 1 ms handler: per-record 91 events/s, per-poll 307 events/s, ratio 3.4.
 */
public final class ConsumerCommitBenchmark {

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        long handlerMicros = args.length > 2 ? Long.parseLong(args[2]) : 0;
        KafkaBroker broker = KafkaBroker.on(Files.createTempDirectory("commit-bench"), 0, 0).start();
        try {
            String topic = "bench.commits";
            fill(broker.bootstrapServers(), topic, records);
            double perRecord = 0;
            double perPoll = 0;
            for (int round = 1; round <= rounds; round++) {
                double a = consume(broker.bootstrapServers(), topic, records, true, handlerMicros);
                double b = consume(broker.bootstrapServers(), topic, records, false, handlerMicros);
                System.out.printf(Locale.ROOT, "round %d: per-record commit %.0f events/s, per-poll commit %.0f events/s%n", round, a, b);
                perRecord += a;
                perPoll += b;
            }
            System.out.printf(Locale.ROOT, "%d records, 6 partitions, handler %d us: per-record %.0f events/s, per-poll %.0f events/s, ratio per-poll/per-record %.2f%n",
                    records, handlerMicros, perRecord / rounds, perPoll / rounds, perPoll / perRecord);
        } finally {
            broker.stop();
        }
    }

    private static void fill(String bootstrap, String topic, int records) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        byte[] value = "{\"specversion\":\"1.0\",\"id\":\"bench\",\"type\":\"vn.motcua.bench.v1\",\"data\":{}}"
                .getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, "dossier-" + (i % 500), value));
            }
            producer.flush();
        }
    }

    /** @return events per second from the first record handled to the last */
    private static double consume(String bootstrap, String topic, int records, boolean commitPerRecord,
                                  long handlerMicros) throws Exception {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + commitPerRecord + "-" + System.nanoTime(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50), new StringDeserializer(), new ByteArrayDeserializer());
        AtomicLong handled = new AtomicLong();
        AtomicLong first = new AtomicLong();
        AtomicLong last = new AtomicLong();
        ConsumerLoop loop = new ConsumerLoop(consumer, record -> {
            if (handled.get() == 0) {
                first.set(System.nanoTime());
            }
            if (handlerMicros > 0) {
                long until = System.nanoTime() + handlerMicros * 1_000;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            }
            if (handled.incrementAndGet() == records) {
                last.set(System.nanoTime());
            }
        }, new ConsumerLoop.Settings(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofSeconds(1), commitPerRecord),
                new ConsumerState(new SimpleMeterRegistry()));
        loop.subscribe(List.of(topic));
        Thread thread = new Thread(loop, "bench-consumer");
        thread.start();
        while (last.get() == 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        loop.stop();
        thread.join();
        return records / ((last.get() - first.get()) / 1e9);
    }

    private ConsumerCommitBenchmark() {
    }
}
