package vn.motcua.messaging.inbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the consumer loop tells readiness and metrics: whether it has joined its group, which partitions are held up
 * by a record that keeps failing (and since when), and the lag of every assigned partition
 * ({@code motcua.events.consumer.lag}). Written by the loop thread, read by health checks.
 */
public final class ConsumerState {

    /** A partition whose record at {@code offset} has failed {@code attempts} times since {@code since}. */
    public record Stuck(String partition, long offset, int attempts, Instant since, String lastError) {
    }

    private final MeterRegistry meters;
    private volatile boolean joined;
    private final Map<TopicPartition, Stuck> stuck = new ConcurrentHashMap<>();
    private final Map<TopicPartition, AtomicLong> lags = new ConcurrentHashMap<>();

    public ConsumerState(MeterRegistry meters) {
        this.meters = meters;
    }

    /** True once the consumer received its first assignment, i.e. it is a member of its group. */
    public boolean joined() {
        return joined;
    }

    public Collection<Stuck> stuck() {
        return stuck.values();
    }

    void joined(Set<TopicPartition> assigned) {
        joined = true;
        for (TopicPartition partition : assigned) {
            lags.computeIfAbsent(partition, p -> {
                AtomicLong lag = new AtomicLong();
                Gauge.builder("motcua.events.consumer.lag", lag, AtomicLong::get)
                        .description("records of the partition not yet handled by this service's consumer group")
                        .tags("topic", p.topic(), "partition", Integer.toString(p.partition()))
                        .register(meters);
                return lag;
            });
        }
    }

    void revoked(Collection<TopicPartition> partitions) {
        partitions.forEach(stuck::remove);
        // the gauge stays registered (Micrometer meters are not meant to come and go) and reads 0 here
        partitions.forEach(p -> {
            AtomicLong lag = lags.get(p);
            if (lag != null) {
                lag.set(0);
            }
        });
    }

    /** @return the number of consecutive failures of the partition's current record */
    int failed(TopicPartition partition, long offset, RuntimeException failure) {
        Stuck previous = stuck.get(partition);
        int attempts = previous != null && previous.offset() == offset ? previous.attempts() + 1 : 1;
        Instant since = previous != null && previous.offset() == offset ? previous.since() : Instant.now();
        stuck.put(partition, new Stuck(partition.toString(), offset, attempts, since, String.valueOf(failure.getMessage())));
        return attempts;
    }

    void recovered(TopicPartition partition) {
        stuck.remove(partition);
    }

    void lagsFrom(KafkaConsumer<?, ?> consumer) {
        for (Map.Entry<TopicPartition, AtomicLong> entry : lags.entrySet()) {
            if (consumer.assignment().contains(entry.getKey())) {
                OptionalLong lag = consumer.currentLag(entry.getKey());
                if (lag.isPresent()) {
                    entry.getValue().set(lag.getAsLong());
                }
            }
        }
    }
}
