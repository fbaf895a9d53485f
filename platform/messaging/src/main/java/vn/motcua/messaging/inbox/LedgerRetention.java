package vn.motcua.messaging.inbox;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Deletes processed-event ledger rows older than the retention, in small batches (short transactions, no long
 * lock on the table). Safe with several instances: each batch runs under a transaction-scoped advisory lock, so
 * only one instance purges at a time and the others skip the round. The retention must be longer than any
 * redelivery can be late (Kafka's own retention of the topics, 7 days by default).
 */
public final class LedgerRetention {

    /** Same namespace as the outbox shard locks; the shard keys are 0..n, the purge takes -1. */
    private static final int LOCK_NAMESPACE = 0x6d6f7463;
    private static final int PURGE_LOCK = -1;

    private final DataSource dataSource;
    private final int batchSize;

    public LedgerRetention(DataSource dataSource, int batchSize) {
        this.dataSource = dataSource;
        this.batchSize = batchSize;
    }

    /** @return the rows deleted, 0 when another instance holds the purge */
    public int purgeOlderThan(Duration retention) throws SQLException {
        int total = 0;
        while (true) {
            int deleted = purgeBatch(retention);
            if (deleted < 0) {
                return total;
            }
            total += deleted;
            if (deleted < batchSize) {
                return total;
            }
        }
    }

    /** @return rows deleted, or -1 when another instance holds the purge lock */
    private int purgeBatch(Duration retention) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                if (!tryLock(connection)) {
                    connection.rollback();
                    return -1;
                }
                int deleted;
                try (PreparedStatement delete = connection.prepareStatement("""
                        delete from processed_event where ctid = any(array(
                            select ctid from processed_event where processed_at < now() - make_interval(secs => ?)
                            limit ?))""")) {
                    delete.setDouble(1, retention.toSeconds());
                    delete.setInt(2, batchSize);
                    deleted = delete.executeUpdate();
                }
                connection.commit();
                return deleted;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?, ?)")) {
            lock.setInt(1, LOCK_NAMESPACE);
            lock.setInt(2, PURGE_LOCK);
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }
}
