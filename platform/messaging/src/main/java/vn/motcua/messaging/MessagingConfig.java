package vn.motcua.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Optional;

/** {@code motcua.messaging.*}: the outbox relay and the event consumer of one service. */
@ConfigMapping(prefix = "motcua.messaging")
public interface MessagingConfig {

    /** CloudEvents {@code source} of the events this service produces, e.g. {@code /dossier-service}. */
    @WithDefault("/${quarkus.application.name}")
    String source();

    @WithName("kafka.bootstrap-servers")
    @WithDefault("${kafka.bootstrap.servers:127.0.0.1:9092}")
    String bootstrapServers();

    Relay relay();

    Consumer consumer();

    interface Relay {
        @WithDefault("true")
        boolean enabled();

        /** How often the relay looks for rows it was not woken up for (rows written by another instance). */
        @WithDefault("500ms")
        Duration pollInterval();

        @WithDefault("200")
        int batchSize();

        /**
         * Number of key shards. Rows of one key always fall in one shard and one relay holds a shard at a time,
         * which keeps per-key order with several instances. Changing it while rows are unsent can reorder them.
         */
        @WithDefault("16")
        int shards();

        /** Sent rows are deleted after this long. */
        @WithDefault("P7D")
        Duration retention();

        @WithDefault("10s")
        Duration maxBackoff();
    }

    interface Consumer {
        @WithDefault("true")
        boolean enabled();

        /** Kafka consumer group; instances of one service share it, so each event is handled by one of them. */
        @WithDefault("${quarkus.application.name}")
        String group();

        /**
         * Quick attempts in place per event and handler (backoff from {@code initial-backoff}) before the consumer
         * pauses the partition and retries with backoff up to {@code max-backoff}, for as long as the failure lasts.
         * Only a {@code PoisonEventException} or an unreadable envelope sends an event to the dead-letter topic.
         */
        @WithDefault("5")
        int maxAttempts();

        @WithDefault("200ms")
        Duration initialBackoff();

        /** Longest pause of a partition whose event keeps failing, between two attempts. */
        @WithDefault("10s")
        Duration maxBackoff();

        /**
         * Processed-event ledger rows older than this are deleted (in batches, by one instance at a time). Must be
         * longer than the topics' retention, or a very late redelivery would be handled again.
         */
        @WithDefault("P30D")
        Duration ledgerRetention();

        @WithDefault("5000")
        int ledgerPurgeBatch();

        /** Extra Kafka consumer properties, for tests only (e.g. a faster session timeout). */
        Optional<Integer> maxPollRecords();
    }
}
