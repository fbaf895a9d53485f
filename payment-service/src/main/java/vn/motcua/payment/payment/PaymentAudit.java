package vn.motcua.payment.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;

/** The append-only trail of status changes (the table refuses UPDATE and DELETE). */
@ApplicationScoped
public class PaymentAudit {

    @Inject
    EntityManager em;

    public record Entry(String from, String to, String actor, String reason, OffsetDateTime at) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String paymentId, PaymentStatus from, PaymentStatus to, String actor, String reason) {
        em.createNativeQuery("""
                        insert into payment_transition (payment_id, from_status, to_status, actor, reason)
                        values (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, paymentId).setParameter(2, from == null ? null : from.name()).setParameter(3, to.name())
                .setParameter(4, actor).setParameter(5, reason == null ? null : truncate(reason, 1000)).executeUpdate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<Entry> of(String paymentId) {
        List<Object[]> rows = em.createNativeQuery("""
                select from_status, to_status, actor, reason, at from payment_transition where payment_id = ?1 order by id""")
                .setParameter(1, paymentId).getResultList();
        return rows.stream().map(r -> new Entry((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                toOffset(r[4]))).toList();
    }

    static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.ofHours(7));
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.ofHours(7));
        }
        return value == null ? null : OffsetDateTime.parse(value.toString());
    }

    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
