package vn.motcua.appointment.support;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.events.Topics;
import vn.motcua.testing.KafkaResource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Reads {@code appointment.events} (or any topic, e.g. a dead-letter topic) from the real broker, from the beginning,
 * with a plain KafkaConsumer; and tells when this service's consumer has caught up with a topic.
 */
public final class EventLog {

    /** An event as read from Kafka: the record key and the decoded CloudEvents envelope. */
    public record Received(String key, CloudEvent event) {
    }

    private EventLog() {
    }

    /** Waits until {@code expected} events with this key (and type) are on the topic; returns all of them. */
    public static List<Received> await(String key, String type, int expected) {
        Instant deadline = Instant.now().plusSeconds(30);
        List<Received> found = List.of();
        while (Instant.now().isBefore(deadline)) {
            found = read(r -> r.key().equals(key) && r.event().type().equals(type));
            if (found.size() >= expected) {
                return found;
            }
            sleep();
        }
        throw new AssertionError("expected " + expected + " " + type + " events with key " + key + ", found " + found.size());
    }

    public static List<Received> read(Predicate<Received> filter) {
        List<Received> matching = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records(Topics.APPOINTMENT)) {
            Received received = new Received(record.key(), CloudEventCodec.read(record.value()));
            if (filter.test(received)) {
                matching.add(received);
            }
        }
        return matching;
    }

    /** Every record of a topic, from the beginning to its current end; values as they are (not necessarily events). */
    public static List<ConsumerRecord<String, byte[]>> records(String topic) {
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config(), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(10);
            while (Instant.now().isBefore(deadline) && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
            }
        }
        return all;
    }

    /**
     * Waits until consumer group {@code group} has committed, on every partition of {@code topic}, the offsets the
     * topic had when this was called: everything produced before has been handled or dead-lettered. Lets a test
     * prove that an event had <em>no</em> effect without sleeping.
     */
    public static void awaitConsumed(String group, String topic) {
        Map<TopicPartition, Long> end;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config(), new StringDeserializer(), new ByteArrayDeserializer())) {
            end = consumer.endOffsets(consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList());
        }
        Instant deadline = Instant.now().plusSeconds(60);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.broker().bootstrapServers()))) {
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                List<TopicPartition> behind = end.entrySet().stream().filter(e -> e.getValue() > 0)
                        .filter(e -> committed.get(e.getKey()) == null || committed.get(e.getKey()).offset() < e.getValue())
                        .map(Map.Entry::getKey).toList();
                if (behind.isEmpty()) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("consumer group " + group + " is still behind on " + behind);
                }
                sleep();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot read the offsets of " + group, e);
        }
    }

    private static Map<String, Object> config() {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.broker().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    }

    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
