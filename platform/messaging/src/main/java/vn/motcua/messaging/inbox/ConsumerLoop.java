package vn.motcua.messaging.inbox;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The poll loop of one Kafka consumer, free of CDI so that a test or a benchmark can drive it on a real broker.
 *
 * <p>Guarantees: a record's offset is committed only after {@link RecordProcessor#process} returned for it (handled
 * or dead-lettered). When a record fails, its partition is re-positioned at that record and paused for a capped,
 * growing backoff, while the records of the poll's other partitions are handled at once: nothing fetched is skipped,
 * and a partition stuck on a failing record cannot starve the others (rewinding them too would make them wait for
 * every retry of the stuck one). The loop keeps polling, so the consumer stays in its group however long the
 * trouble lasts. Offsets are committed once per poll (asynchronously), and synchronously when partitions
 * are revoked and on shutdown; a redelivery after a crash is absorbed by the processed-event ledger.
 */
public final class ConsumerLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);

    /** Handles one record. Returning means handled or dead-lettered; throwing means "try this record again later". */
    @FunctionalInterface
    public interface RecordProcessor {
        void process(ConsumerRecord<String, byte[]> record);
    }

    /**
     * @param commitPerRecord the former behaviour, a synchronous commit after every record; kept for the benchmark
     *                        that measures what per-poll commits save
     */
    public record Settings(Duration pollTimeout, Duration initialBackoff, Duration maxBackoff, boolean commitPerRecord) {
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final RecordProcessor processor;
    private final Settings settings;
    private final ConsumerState state;
    /** Next offset to commit per assigned partition: everything below it was processed. */
    private final Map<TopicPartition, OffsetAndMetadata> processed = new HashMap<>();
    private final Map<TopicPartition, Long> pausedUntil = new HashMap<>();
    private volatile boolean running = true;

    public ConsumerLoop(KafkaConsumer<String, byte[]> consumer, RecordProcessor processor, Settings settings,
                        ConsumerState state) {
        this.consumer = consumer;
        this.processor = processor;
        this.settings = settings;
        this.state = state;
    }

    /** Subscribes; call before {@link #run} on the thread that will run it. */
    public void subscribe(Collection<String> topics) {
        consumer.subscribe(topics, new Rebalance());
    }

    /** Asks the loop to finish: the record in hand is completed or left uncommitted, processed offsets are committed. */
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    @Override
    public void run() {
        int roundFailures = 0;
        try {
            while (running) {
                try {
                    resumeDuePartitions();
                    ConsumerRecords<String, byte[]> records = consumer.poll(settings.pollTimeout());
                    processPoll(records);
                    state.lagsFrom(consumer);
                    roundFailures = 0;
                } catch (WakeupException e) {
                    if (running) {
                        throw e;
                    }
                } catch (RuntimeException e) {
                    // the poll or a commit failed (broker away); positions still point after processed records only
                    roundFailures++;
                    LOG.warnf("event consumer: %s (round %d); polling again", e.getMessage(), roundFailures);
                    sleep(backoff(roundFailures));
                }
            }
        } finally {
            commitProcessedSync();
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void processPoll(ConsumerRecords<String, byte[]> records) {
        if (records.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> thisPoll = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            boolean heldBack = false;
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                try {
                    processor.process(record);
                } catch (RuntimeException failure) {
                    if (!running) {
                        throw new WakeupException();
                    }
                    retryLater(partition, record, failure);
                    heldBack = true;
                    break; // the rest of this partition waits behind the failing record; the other partitions go on
                }
                OffsetAndMetadata next = new OffsetAndMetadata(record.offset() + 1);
                processed.put(partition, next);
                thisPoll.put(partition, next);
                if (settings.commitPerRecord()) {
                    consumer.commitSync(Map.of(partition, next));
                }
            }
            if (!heldBack) {
                state.recovered(partition);
            }
        }
        if (thisPoll.isEmpty()) {
            return;
        }
        if (!settings.commitPerRecord()) {
            consumer.commitAsync(thisPoll, (offsets, error) -> {
                if (error != null) {
                    // harmless: a later commit covers these offsets, or they are redelivered and skipped by the ledger
                    LOG.debugf("event consumer: asynchronous commit failed: %s", error.getMessage());
                }
            });
        }
    }

    /**
     * Puts the failing partition back at the failing record (the consumer's position is past everything fetched) and
     * pauses it for a while; its processed records before it stay processed.
     */
    private void retryLater(TopicPartition failed, ConsumerRecord<String, byte[]> record, RuntimeException failure) {
        consumer.seek(failed, record.offset());
        int attempts = state.failed(failed, record.offset(), failure);
        long wait = backoff(attempts);
        consumer.pause(List.of(failed));
        pausedUntil.put(failed, System.nanoTime() + wait * 1_000_000);
        if (attempts == 1 || attempts % 10 == 0) {
            LOG.warnf("event consumer: %s@%d failed (%s), attempt %d; partition paused for %d ms, nothing is skipped",
                    failed, record.offset(), failure.getMessage(), attempts, wait);
        }
    }

    private void resumeDuePartitions() {
        if (pausedUntil.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        List<TopicPartition> due = pausedUntil.entrySet().stream().filter(e -> now - e.getValue() >= 0)
                .map(Map.Entry::getKey).toList();
        if (!due.isEmpty()) {
            due.forEach(pausedUntil::remove);
            consumer.resume(due);
        }
    }

    private void commitProcessedSync() {
        if (processed.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(Map.copyOf(processed));
        } catch (RuntimeException e) {
            LOG.debugf("event consumer: commit failed (%s); the records will be redelivered and skipped", e.getMessage());
        }
    }

    private long backoff(int attempts) {
        long initial = Math.max(1, settings.initialBackoff().toMillis());
        return Math.min(settings.maxBackoff().toMillis(), initial << Math.min(Math.max(attempts - 1, 0), 20));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Commits before partitions move to another instance, so it does not handle them again from an older offset. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> leaving = new HashMap<>();
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata next = processed.remove(partition);
                if (next != null) {
                    leaving.put(partition, next);
                }
                pausedUntil.remove(partition);
            }
            if (!leaving.isEmpty()) {
                try {
                    consumer.commitSync(leaving);
                } catch (RuntimeException e) {
                    LOG.debugf("event consumer: commit on revocation failed: %s", e.getMessage());
                }
            }
            state.revoked(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // another member owns them already: committing would fail, their records are redelivered there
            partitions.forEach(processed::remove);
            partitions.forEach(pausedUntil::remove);
            state.revoked(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            state.joined(Set.copyOf(partitions));
        }
    }
}
