package vn.motcua.messaging.deadletter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The {@code dead_letter} table: written by the consumer, read and replayed by an operator. */
@ApplicationScoped
public class DeadLetters {

    /** Which dead letters a list shows. */
    public enum Filter { PENDING, REPLAYED, ALL }

    private static final String COLUMNS = """
            id, topic, kafka_partition, kafka_offset, event_key, event_id, event_type, handler, reason, exception,
            attempts, payload, failed_at, replayed_at, replay_attempts""";

    @Inject
    EntityManager entityManager;

    /** Records a dead letter; a second write for the same record and handler (a retried write) changes nothing. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String topic, int partition, long offset, String key, String eventId, String eventType,
                       String handler, String reason, String exception, int attempts, byte[] payload) {
        entityManager.createNativeQuery("""
                        insert into dead_letter (topic, kafka_partition, kafka_offset, event_key, event_id, event_type,
                                                 handler, reason, exception, attempts, payload)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                        on conflict (topic, kafka_partition, kafka_offset, handler) do nothing""")
                .setParameter(1, topic).setParameter(2, partition).setParameter(3, offset).setParameter(4, key)
                .setParameter(5, eventId).setParameter(6, eventType).setParameter(7, handler)
                .setParameter(8, reason).setParameter(9, truncate(exception, 300)).setParameter(10, attempts)
                .setParameter(11, payload)
                .executeUpdate();
    }

    @Transactional
    public List<DeadLetter> list(Filter filter, int limit) {
        String where = switch (filter) {
            case PENDING -> "where replayed_at is null";
            case REPLAYED -> "where replayed_at is not null";
            case ALL -> "";
        };
        List<?> rows = entityManager.createNativeQuery("select " + COLUMNS + " from dead_letter " + where
                        + " order by id limit ?1")
                .setParameter(1, limit).getResultList();
        return rows.stream().map(row -> toDeadLetter((Object[]) row)).toList();
    }

    @Transactional
    public Optional<DeadLetter> find(long id) {
        List<?> rows = entityManager.createNativeQuery("select " + COLUMNS + " from dead_letter where id = ?1")
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(row -> toDeadLetter((Object[]) row));
    }

    /** Marks it replayed; call inside the replay's transaction so the mark and the handler's effect commit together. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markReplayed(long id) {
        entityManager.createNativeQuery("""
                        update dead_letter set replayed_at = now(), replay_attempts = replay_attempts + 1 where id = ?1""")
                .setParameter(1, id).executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void replayFailed(long id, String reason) {
        entityManager.createNativeQuery("""
                        update dead_letter set reason = ?2, replay_attempts = replay_attempts + 1 where id = ?1""")
                .setParameter(1, id).setParameter(2, reason).executeUpdate();
    }

    private static DeadLetter toDeadLetter(Object[] row) {
        return new DeadLetter(((Number) row[0]).longValue(), (String) row[1], ((Number) row[2]).intValue(),
                ((Number) row[3]).longValue(), (String) row[4], (String) row[5], (String) row[6], (String) row[7],
                (String) row[8], (String) row[9], ((Number) row[10]).intValue(), (byte[]) row[11], time(row[12]),
                time(row[13]), ((Number) row[14]).intValue());
    }

    private static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
