package vn.motcua.delivery.support;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.testing.KafkaResource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads a real topic from its beginning, all partitions, keeping every record seen, so that a test can wait for the
 * records it expects (tests share the topic; they filter by their own ids).
 */
public final class TopicReader implements AutoCloseable {

    /** A record as read: key, envelope, and the raw bytes. */
    public record Received(String key, CloudEvent event, int partition) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Received> seen = new ArrayList<>();
    /** Records read by {@link #awaitRaw}, kept so that waiting for one key never loses another. */
    private final List<ConsumerRecord<String, byte[]>> raw = new ArrayList<>();

    public TopicReader(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.broker().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer());
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(20));
        List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
    }

    /** Waits until {@code count} records match; returns them in the order read (per partition = per key order). */
    public synchronized List<Received> await(Predicate<Received> match, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<Received> found = seen.stream().filter(match).toList();
            if (found.size() >= count) {
                return found;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("expected " + count + " matching records within " + timeout + ", found "
                        + found.size() + ": " + found);
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                seen.add(new Received(record.key(), CloudEventCodec.read(record.value()), record.partition()));
            }
        }
    }

    /** Waits for any record with this key, whatever its value (dead-lettered records may not be CloudEvents). */
    public synchronized boolean awaitOneRaw(String key) {
        return awaitRaw(key) != null;
    }

    /** The first record with this key, or null after 30 seconds. */
    public synchronized ConsumerRecord<String, byte[]> awaitRaw(String key) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            for (ConsumerRecord<String, byte[]> record : raw) {
                if (key.equals(record.key())) {
                    return record;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                return null;
            }
            consumer.poll(Duration.ofMillis(200)).forEach(raw::add);
        }
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    public Received awaitOne(Predicate<Received> match) {
        return await(match, 1, Duration.ofSeconds(30)).get(0);
    }

    /** Everything matching that arrived so far, after reading for {@code settle}. */
    public synchronized List<Received> settle(Predicate<Received> match, Duration settle) {
        Instant until = Instant.now().plus(settle);
        while (Instant.now().isBefore(until)) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                seen.add(new Received(record.key(), CloudEventCodec.read(record.value()), record.partition()));
            }
        }
        return seen.stream().filter(match).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
