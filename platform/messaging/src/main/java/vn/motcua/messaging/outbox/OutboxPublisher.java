package vn.motcua.messaging.outbox;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes unsent outbox rows to Kafka, one shard per database transaction. Plain Java (a data source and a
 * producer), so that tests can run two of them against one table.
 *
 * <p>Guarantees: at least once (a row is marked sent only after Kafka acknowledged it with {@code acks=all});
 * in order per key (a shard is held by one publisher at a time through a transaction-scoped advisory lock, and
 * rows after the first failed one are left for the next round); no concurrent double publishing by two instances.
 */
public final class OutboxPublisher implements AutoCloseable {

    /** Namespace of the advisory locks, so that they cannot collide with other uses of advisory locks. */
    private static final int LOCK_NAMESPACE = 0x6d6f7463; // "motc"

    private final DataSource dataSource;
    private final Producer<String, byte[]> producer;
    private final int shards;
    private final int batchSize;

    public OutboxPublisher(DataSource dataSource, Producer<String, byte[]> producer, int shards, int batchSize) {
        this.dataSource = dataSource;
        this.producer = producer;
        this.shards = shards;
        this.batchSize = batchSize;
    }

    /** An idempotent, {@code acks=all} producer that fails fast when the broker is away (the outbox keeps the rows). */
    public static Producer<String, byte[]> producer(String bootstrapServers, String clientId) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000,
                ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000),
                new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * One pass over the shards that have unsent rows, starting from {@code firstShard} so that no shard always goes
     * last. Asking first which shards have work (one query on the unsent-rows index) instead of locking and reading
     * all of them keeps a wake-up after a commit to two round trips per busy shard.
     *
     * @return the number of rows published
     * @throws PublishException when Kafka refused or timed out; rows not acknowledged stay unsent
     */
    public int publishPending(int firstShard) throws SQLException {
        boolean[] busy = shardsWithUnsentRows();
        int published = 0;
        PublishException failure = null;
        for (int i = 0; i < shards; i++) {
            int shard = Math.floorMod(firstShard + i, shards);
            if (!busy[shard]) {
                continue;
            }
            try {
                published += publishShard(shard);
            } catch (PublishException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return published;
    }

    private boolean[] shardsWithUnsentRows() throws SQLException {
        boolean[] busy = new boolean[shards];
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select distinct shard from outbox_event where sent_at is null");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                int shard = result.getInt(1);
                if (shard >= 0 && shard < shards) {
                    busy[shard] = true;
                }
            }
        }
        return busy;
    }

    int publishShard(int shard) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int published = publishShard(connection, shard);
                connection.commit();
                return published;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private int publishShard(Connection connection, int shard) throws SQLException {
        if (!tryLockShard(connection, shard)) {
            return 0; // another instance is publishing this shard right now
        }
        List<Row> rows = unsentRows(connection, shard);
        if (rows.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        Exception failure = null;
        for (Row row : rows) {
            try {
                acks.add(producer.send(row.toRecord()));
            } catch (RuntimeException e) { // metadata not available within max.block.ms: the broker is away
                failure = e;
                break;
            }
        }
        int acknowledged = 0;
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(30, TimeUnit.SECONDS);
                acknowledged++;
            } catch (ExecutionException | TimeoutException e) {
                failure = e;
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
                break;
            }
        }
        markSent(connection, rows.subList(0, acknowledged));
        if (failure != null) {
            Row failed = rows.get(acknowledged);
            recordFailure(connection, failed, failure);
            connection.commit();
            throw new PublishException("event " + failed.eventId() + " to " + failed.topic() + " not acknowledged: "
                    + rootMessage(failure), failure);
        }
        return acknowledged;
    }

    private static boolean tryLockShard(Connection connection, int shard) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?, ?)")) {
            lock.setInt(1, LOCK_NAMESPACE);
            lock.setInt(2, shard);
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private List<Row> unsentRows(Connection connection, int shard) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select id, event_id, topic, event_key, event_type, payload from outbox_event
                where shard = ? and sent_at is null order by id limit ?""")) {
            select.setInt(1, shard);
            select.setInt(2, batchSize);
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getLong(1), result.getString(2), result.getString(3), result.getString(4),
                            result.getString(5), result.getString(6)));
                }
            }
            return rows;
        }
    }

    private static void markSent(Connection connection, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_event set sent_at = now(), attempts = attempts + 1, last_error = null where id = any(?)")) {
            Array ids = connection.createArrayOf("bigint", rows.stream().map(Row::id).toArray());
            update.setArray(1, ids);
            update.executeUpdate();
        }
    }

    private static void recordFailure(Connection connection, Row row, Exception failure) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_event set attempts = attempts + 1, last_error = ? where id = ?")) {
            update.setString(1, rootMessage(failure));
            update.setLong(2, row.id());
            update.executeUpdate();
        }
    }

    /** Deletes rows sent longer ago than the retention period; returns how many. */
    public int deleteSentBefore(Duration retention) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "delete from outbox_event where sent_at < now() - make_interval(secs => ?)")) {
            delete.setDouble(1, retention.toSeconds());
            return delete.executeUpdate();
        }
    }

    /** Rows waiting to be published, for metrics and health. */
    public long pendingCount() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("select count(*) from outbox_event where sent_at is null");
             ResultSet result = count.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private record Row(long id, String eventId, String topic, String key, String type, String payload) {
        ProducerRecord<String, byte[]> toRecord() {
            RecordHeaders headers = new RecordHeaders();
            headers.add("ce_id", eventId.getBytes(StandardCharsets.UTF_8));
            headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
            headers.add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
            return new ProducerRecord<>(topic, null, key, payload.getBytes(StandardCharsets.UTF_8), headers);
        }
    }

    public static final class PublishException extends RuntimeException {
        PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
