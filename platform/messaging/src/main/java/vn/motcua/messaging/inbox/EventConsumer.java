package vn.motcua.messaging.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.events.Topics;
import vn.motcua.messaging.MessagingConfig;
import vn.motcua.messaging.deadletter.DeadLetter;
import vn.motcua.messaging.deadletter.DeadLetters;
import vn.motcua.messaging.outbox.OutboxPublisher;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Reads the topics of this service's {@link EventHandler}s and hands each event to them, one transaction per
 * handler and event, with the processed-event ledger making redeliveries harmless.
 *
 * <p>Only an event that can never succeed is dead-lettered: a record that is no CloudEvent, or a handler's
 * {@link PoisonEventException} (a payload that breaks the contract). It is recorded in {@code dead_letter} (for the
 * admin replay endpoint) and written to {@code <topic>.dlq}. Any other failure (database, broker, a dependency) is
 * trouble that passes: the event is retried a few times in place, then {@link ConsumerLoop} pauses its partition and
 * retries with capped backoff for as long as the trouble lasts, without skipping anything and without leaving the
 * group. Offsets are committed only after an event was handled or dead-lettered.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final Handlers handlers;
    private final DeadLetters deadLetterStore;
    private final MessagingConfig config;
    private final MeterRegistry meters;
    private final ConsumerState state;
    private ConsumerLoop loop;
    private Producer<String, byte[]> deadLetters;
    private volatile boolean running;
    private Thread thread;

    @Inject
    public EventConsumer(Handlers handlers, DeadLetters deadLetterStore, MessagingConfig config, MeterRegistry meters) {
        this.handlers = handlers;
        this.deadLetterStore = deadLetterStore;
        this.config = config;
        this.meters = meters;
        this.state = new ConsumerState(meters);
    }

    /** False when this service consumes nothing (no handlers, or the consumer is disabled). */
    public boolean active() {
        return thread != null;
    }

    public ConsumerState state() {
        return state;
    }

    void onStart(@Observes StartupEvent startup) {
        if (!config.consumer().enabled() || handlers.all().isEmpty()) {
            return;
        }
        Set<String> topics = handlers.all().stream().flatMap(h -> h.topics().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        Map<String, Object> properties = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, config.consumer().group(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.consumer().maxPollRecords().orElse(50),
                ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000));
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer());
        loop = new ConsumerLoop(consumer, this::process, new ConsumerLoop.Settings(Duration.ofMillis(500),
                config.consumer().initialBackoff(), config.consumer().maxBackoff(), false), state);
        loop.subscribe(topics);
        deadLetters = OutboxPublisher.producer(config.bootstrapServers(), config.consumer().group() + "-dead-letters");
        running = true;
        thread = new Thread(loop, "event-consumer");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("event consumer: group %s reads %s for %s", config.consumer().group(), topics,
                handlers.all().stream().map(EventHandler::name).toList());
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (thread != null) {
            loop.stop();
            try {
                thread.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            deadLetters.close(Duration.ofSeconds(5));
        }
    }

    /** Handles or dead-letters one record; throws when it has to be tried again later. */
    private void process(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = CloudEventCodec.read(record.value());
        } catch (CloudEventCodec.MalformedEventException e) {
            deadLetter(record, null, DeadLetter.ENVELOPE, e, 1);
            return;
        }
        for (EventHandler handler : handlers.all()) {
            if (handler.topics().contains(record.topic()) && handler.eventTypes().contains(event.type())) {
                deliver(handler, event, record);
            }
        }
    }

    private void deliver(EventHandler handler, CloudEvent event, ConsumerRecord<String, byte[]> record) {
        int inPlace = Math.max(1, config.consumer().maxAttempts());
        for (int attempt = 1; ; attempt++) {
            try {
                handlers.handleOnce(handler, event);
                meters.counter("motcua.events.handled", "handler", handler.name(), "type", event.type()).increment();
                return;
            } catch (PoisonEventException | CloudEventCodec.MalformedEventException e) {
                deadLetter(record, event, handler.name(), e, attempt);
                return;
            } catch (RuntimeException e) {
                if (attempt >= inPlace || !running) {
                    // trouble that outlasts a few quick retries: the loop pauses the partition and comes back
                    throw new HandlerUnavailableException(handler.name(), event, e);
                }
                LOG.debugf("handler %s failed on %s (attempt %d): %s", handler.name(), event.id(), attempt, e.getMessage());
                sleep(backoff(attempt));
            }
        }
    }

    private long backoff(int attempt) {
        long initial = config.consumer().initialBackoff().toMillis();
        return Math.min(config.consumer().maxBackoff().toMillis(), initial << Math.min(attempt - 1, 16));
    }

    /** Records the dead letter, then writes it to the DLQ topic; a failure of either retries the record later. */
    private void deadLetter(ConsumerRecord<String, byte[]> record, CloudEvent event, String handler, Throwable failure,
                            int attempts) {
        String reason = String.valueOf(failure.getMessage());
        deadLetterStore.record(record.topic(), record.partition(), record.offset(), record.key(),
                event == null ? null : event.id(), event == null ? null : event.type(), handler, reason,
                failure.getClass().getName(), attempts, record.value() == null ? new byte[0] : record.value());
        String topic = Topics.deadLetterOf(record.topic());
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        header(headers, "dlq-reason", reason);
        header(headers, "dlq-exception", failure.getClass().getName());
        header(headers, "dlq-handler", handler);
        header(headers, "dlq-consumer-group", config.consumer().group());
        header(headers, "dlq-original-topic", record.topic());
        header(headers, "dlq-original-partition", Integer.toString(record.partition()));
        header(headers, "dlq-original-offset", Long.toString(record.offset()));
        header(headers, "dlq-attempts", Integer.toString(attempts));
        header(headers, "dlq-failed-at", OffsetDateTime.now(CloudEventCodec.ZONE).toString());
        try {
            deadLetters.send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not write to dead-letter topic " + topic + ": " + e.getMessage(), e);
        }
        meters.counter("motcua.events.dead_lettered", "topic", record.topic(), "handler", handler).increment();
        LOG.errorf("event at %s-%d@%d sent to %s after %d attempt(s) by %s: %s", record.topic(), record.partition(),
                record.offset(), topic, attempts, handler, reason);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A handler failed for a reason that may pass (database, broker, a dependency): the event is retried later. */
    static final class HandlerUnavailableException extends RuntimeException {
        HandlerUnavailableException(String handler, CloudEvent event, RuntimeException cause) {
            super("handler " + handler + " failed on " + event.id() + ": " + cause.getMessage(), cause);
        }
    }
}
