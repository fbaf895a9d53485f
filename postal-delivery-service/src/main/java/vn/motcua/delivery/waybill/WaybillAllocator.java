package vn.motcua.delivery.waybill;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import vn.motcua.delivery.config.DeliveryConfig;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out waybill numbers from the operator's pre-allocated ranges. The range row is locked for the increment, so
 * several instances never hand out one number twice; the lock is held only to the end of the caller's transaction.
 */
@ApplicationScoped
public class WaybillAllocator {

    private static final Logger LOG = Logger.getLogger(WaybillAllocator.class);

    @Inject
    EntityManager entityManager;
    @Inject
    MeterRegistry meters;
    @Inject
    DeliveryConfig config;

    private final Map<String, AtomicLong> remaining = new ConcurrentHashMap<>();

    /** The next free number of {@code operatorCode}, or empty when every range is used up. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> allocate(String operatorCode) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        update waybill_range set next_serial = next_serial + 1
                        where id = (select id from waybill_range where operator_code = ?1 and next_serial <= last_serial
                                    order by id limit 1 for update)
                        returning prefix, suffix, next_serial - 1, last_serial - next_serial + 1""")
                .setParameter(1, operatorCode).getResultList();
        if (rows.isEmpty()) {
            meters.counter("motcua.delivery.waybill.exhausted", "operator", operatorCode).increment();
            LOG.errorf("ALERT waybill numbers of operator %s are exhausted: orders wait in WAITING_FOR_WAYBILL until "
                    + "an administrator adds a range (POST /api/v1/deliveries/admin/waybill-ranges)", operatorCode);
            gauge(operatorCode).set(0);
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        long left = remainingOf(operatorCode);
        gauge(operatorCode).set(left);
        long lowWater = Optional.ofNullable(config.operators().get(operatorCode))
                .map(DeliveryConfig.Operator::lowWaterMark).orElse(100L);
        if (left < lowWater) {
            LOG.warnf("ALERT only %d waybill numbers left for operator %s", left, operatorCode);
        }
        return Optional.of(S10.of((String) row[0], ((Number) row[2]).longValue(), (String) row[1]));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public long remainingOf(String operatorCode) {
        Number left = (Number) entityManager.createNativeQuery("""
                        select coalesce(sum(last_serial - next_serial + 1), 0) from waybill_range
                        where operator_code = ?1 and next_serial <= last_serial""")
                .setParameter(1, operatorCode).getSingleResult();
        return left.longValue();
    }

    /** Gauge {@code motcua.delivery.waybill.remaining{operator}}: alert on it before it reaches zero. */
    AtomicLong gauge(String operatorCode) {
        return remaining.computeIfAbsent(operatorCode, code -> {
            AtomicLong value = new AtomicLong(-1);
            Gauge.builder("motcua.delivery.waybill.remaining", value, AtomicLong::get)
                    .tag("operator", code).description("free waybill numbers of the operator").register(meters);
            return value;
        });
    }
}
