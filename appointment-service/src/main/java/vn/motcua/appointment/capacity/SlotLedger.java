package vn.motcua.appointment.capacity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Seats taken per slot, kept in one counter row per (service point, procedure, slot start).
 *
 * <p>Why this cannot overbook, with any number of instances: a seat is taken by one conditional UPDATE
 * ({@code booked < capacity}). PostgreSQL row-locks the counter row for the rest of the transaction; a concurrent
 * UPDATE of the same row waits, then re-evaluates the condition against the committed value (READ COMMITTED
 * re-check), so the (capacity+1)-th request updates no row and is refused. No in-process lock is involved.
 * The SQL is public so that the concurrency test can run it from a second, independent connection pool.
 */
@ApplicationScoped
public class SlotLedger {

    public static final String ENSURE_ROW = """
            insert into slot_counter (service_point_id, procedure_code, slot_start) values (?1, ?2, ?3)
            on conflict do nothing""";
    public static final String TAKE_SEAT = """
            update slot_counter set booked = booked + 1
            where service_point_id = ?1 and procedure_code = ?2 and slot_start = ?3 and booked < ?4""";
    public static final String RELEASE_SEAT = """
            update slot_counter set booked = booked - 1
            where service_point_id = ?1 and procedure_code = ?2 and slot_start = ?3 and booked > 0""";
    public static final String TAKE_WALK_IN = """
            update slot_counter set walk_ins = walk_ins + 1
            where service_point_id = ?1 and procedure_code = ?2 and slot_start = ?3 and walk_ins < ?4""";

    @Inject
    EntityManager entityManager;

    /** Takes one bookable seat; false when the slot is full (the caller answers 409). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean takeSeat(UUID servicePointId, String procedureCode, OffsetDateTime slotStart, int capacity) {
        if (capacity <= 0) {
            return false;
        }
        ensureRow(servicePointId, procedureCode, slotStart);
        return entityManager.createNativeQuery(TAKE_SEAT)
                .setParameter(1, servicePointId).setParameter(2, procedureCode).setParameter(3, slotStart)
                .setParameter(4, capacity).executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void releaseSeat(UUID servicePointId, String procedureCode, OffsetDateTime slotStart) {
        entityManager.createNativeQuery(RELEASE_SEAT)
                .setParameter(1, servicePointId).setParameter(2, procedureCode).setParameter(3, slotStart)
                .executeUpdate();
    }

    /** Takes one walk-in seat of the slot's internal quota; false when it is used up. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean takeWalkIn(UUID servicePointId, String procedureCode, OffsetDateTime slotStart, int internalCapacity) {
        if (internalCapacity <= 0) {
            return false;
        }
        ensureRow(servicePointId, procedureCode, slotStart);
        return entityManager.createNativeQuery(TAKE_WALK_IN)
                .setParameter(1, servicePointId).setParameter(2, procedureCode).setParameter(3, slotStart)
                .setParameter(4, internalCapacity).executeUpdate() == 1;
    }

    /** Seats booked per slot start in [from, to). Slots without a row have none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Instant, Integer> bookedBetween(UUID servicePointId, String procedureCode, OffsetDateTime from, OffsetDateTime to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select slot_start, booked from slot_counter
                        where service_point_id = ?1 and procedure_code = ?2 and slot_start >= ?3 and slot_start < ?4""")
                .setParameter(1, servicePointId).setParameter(2, procedureCode).setParameter(3, from).setParameter(4, to)
                .getResultList();
        Map<Instant, Integer> booked = new HashMap<>();
        for (Object[] row : rows) {
            booked.put(toInstant(row[0]), ((Number) row[1]).intValue());
        }
        return booked;
    }

    private void ensureRow(UUID servicePointId, String procedureCode, OffsetDateTime slotStart) {
        entityManager.createNativeQuery(ENSURE_ROW)
                .setParameter(1, servicePointId).setParameter(2, procedureCode).setParameter(3, slotStart)
                .executeUpdate();
    }

    static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof java.time.ZonedDateTime zdt) {
            return zdt.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
