package vn.motcua.appointment.support;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
import java.util.function.Predicate;

/** Reads {@code appointment.events} from the real broker, from the beginning, with a plain KafkaConsumer. */
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
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.broker().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<Received> matching = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.APPOINTMENT, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(10);
            while (Instant.now().isBefore(deadline) && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Received received = new Received(record.key(), CloudEventCodec.read(record.value()));
                    if (filter.test(received)) {
                        matching.add(received);
                    }
                }
            }
        }
        return matching;
    }

    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
