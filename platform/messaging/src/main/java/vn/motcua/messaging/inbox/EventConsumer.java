package vn.motcua.messaging.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.events.Topics;
import vn.motcua.messaging.MessagingConfig;
import vn.motcua.messaging.outbox.OutboxPublisher;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Reads the topics of this service's {@link EventHandler}s and hands each event to them, one transaction per
 * handler and event, with the processed-event ledger making redeliveries harmless.
 *
 * <p>A failing handler is retried with exponential backoff up to {@code max-attempts}; then the record goes to
 * {@code <topic>.dlq} with the reason in headers and the consumer carries on. Offsets are committed only after an
 * event was handled or dead-lettered, so a crash or a broker restart loses nothing.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final Instance<EventHandler> handlerBeans;
    private final ProcessedEvents processedEvents;
    private final MessagingConfig config;
    private final MeterRegistry meters;
    private List<EventHandler> handlers;
    private KafkaConsumer<String, byte[]> consumer;
    private Producer<String, byte[]> deadLetters;
    private volatile boolean running;
    private Thread thread;

    @Inject
    public EventConsumer(Instance<EventHandler> handlerBeans, ProcessedEvents processedEvents, MessagingConfig config,
                         MeterRegistry meters) {
        this.handlerBeans = handlerBeans;
        this.processedEvents = processedEvents;
        this.config = config;
        this.meters = meters;
    }

    void onStart(@Observes StartupEvent startup) {
        handlers = handlerBeans.stream().toList();
        if (!config.consumer().enabled() || handlers.isEmpty()) {
            return;
        }
        Set<String> topics = handlers.stream().flatMap(h -> h.topics().stream()).collect(Collectors.toCollection(TreeSet::new));
        Map<String, Object> properties = new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, config.consumer().group(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.consumer().maxPollRecords().orElse(50),
                ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000));
        consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(topics);
        deadLetters = OutboxPublisher.producer(config.bootstrapServers(), config.consumer().group() + "-dead-letters");
        running = true;
        thread = new Thread(this::run, "event-consumer");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("event consumer: group %s reads %s for %s", config.consumer().group(), topics,
                handlers.stream().map(EventHandler::name).toList());
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (thread != null) {
            consumer.wakeup();
            try {
                thread.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            deadLetters.close(Duration.ofSeconds(5));
        }
    }

    private void run() {
        int failures = 0;
        try {
            while (running) {
                try {
                    ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                    for (TopicPartition partition : records.partitions()) {
                        consumePartition(partition, records.records(partition));
                    }
                    failures = 0;
                } catch (WakeupException e) {
                    if (running) {
                        throw e;
                    }
                } catch (RuntimeException e) {
                    failures++;
                    LOG.warnf("event consumer: %s (round %d); the event will be read again", e.getMessage(), failures);
                    sleep(Math.min(config.consumer().maxBackoff().toMillis(), 200L << Math.min(failures, 10)));
                }
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void consumePartition(TopicPartition partition, List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                consume(record);
            } catch (RuntimeException e) {
                // not handled and not dead-lettered (e.g. the DLQ was unreachable): read it again next round
                consumer.seek(partition, record.offset());
                throw e;
            }
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
        }
    }

    private void consume(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = CloudEventCodec.read(record.value());
        } catch (CloudEventCodec.MalformedEventException e) {
            deadLetter(record, "envelope", e, 1);
            return;
        }
        for (EventHandler handler : handlers) {
            if (handler.topics().contains(record.topic()) && handler.eventTypes().contains(event.type())) {
                deliver(handler, event, record);
            }
        }
    }

    private void deliver(EventHandler handler, CloudEvent event, ConsumerRecord<String, byte[]> record) {
        int maxAttempts = Math.max(1, config.consumer().maxAttempts());
        RuntimeException failure = null;
        int attempt = 0;
        while (attempt < maxAttempts && running) {
            attempt++;
            try {
                handleOnce(handler, event);
                meters.counter("motcua.events.handled", "handler", handler.name(), "type", event.type()).increment();
                return;
            } catch (PoisonEventException | CloudEventCodec.MalformedEventException e) {
                failure = e;
                break;
            } catch (RuntimeException e) {
                failure = e;
                if (attempt < maxAttempts) {
                    LOG.debugf("handler %s failed on %s (attempt %d): %s", handler.name(), event.id(), attempt, e.getMessage());
                    sleep(backoff(attempt));
                }
            }
        }
        if (!running) {
            throw new IllegalStateException("shutting down before " + event.id() + " was handled");
        }
        deadLetter(record, handler.name(), failure, attempt);
    }

    private void handleOnce(EventHandler handler, CloudEvent event) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (processedEvents.markProcessed(handler.name(), event)) {
                    handler.handle(event);
                }
            });
        } finally {
            requestContext.terminate();
        }
    }

    private long backoff(int attempt) {
        long initial = config.consumer().initialBackoff().toMillis();
        return Math.min(config.consumer().maxBackoff().toMillis(), initial << Math.min(attempt - 1, 16));
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String handler, Throwable failure, int attempts) {
        String topic = Topics.deadLetterOf(record.topic());
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        header(headers, "dlq-reason", failure == null ? "unknown" : String.valueOf(failure.getMessage()));
        header(headers, "dlq-exception", failure == null ? "" : failure.getClass().getName());
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
                record.offset(), topic, attempts, handler, failure == null ? "" : failure.getMessage());
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
}
