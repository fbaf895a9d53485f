package vn.motcua.delivery.waybill;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import vn.motcua.delivery.config.DeliveryConfig;
import vn.motcua.web.problem.ApiException;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ranges themselves: seeded from configuration at start-up, added by administrators, listed with what is left. */
@ApplicationScoped
public class WaybillRanges {

    private static final Logger LOG = Logger.getLogger(WaybillRanges.class);
    private static final Pattern CONFIGURED = Pattern.compile("([A-Z]{2}):(\\d{1,8})-(\\d{1,8}):([A-Z]{2})");

    @Inject
    EntityManager entityManager;
    @Inject
    DeliveryConfig config;
    @Inject
    WaybillAllocator allocator;

    public record Range(long id, String operatorCode, String prefix, String suffix, long firstSerial, long lastSerial,
                        long nextSerial, long remaining, OffsetDateTime createdAt) {
    }

    public static class RangeOverlaps extends ApiException {
        RangeOverlaps(String detail) {
            super(409, "WAYBILL_RANGE_OVERLAPS", "Waybill range overlaps an existing one", detail);
        }
    }

    @Transactional
    void seed(@Observes StartupEvent startup) {
        config.operators().forEach((operator, settings) -> settings.waybillRanges().orElse(List.of()).forEach(text -> {
            Matcher m = CONFIGURED.matcher(text.trim());
            if (!m.matches()) {
                throw new IllegalStateException("motcua.delivery.operators." + operator + ".waybill-ranges: '" + text
                        + "' is not PREFIX:FIRST-LAST:SUFFIX");
            }
            long first = Long.parseLong(m.group(2));
            long last = Long.parseLong(m.group(3));
            lockRangesOf(operator); // instances starting together seed once: the second sees the first's range
            if (!overlapping(operator, m.group(1), m.group(4), first, last)) {
                insert(operator, m.group(1), m.group(4), first, last);
                LOG.infof("waybill range %s of operator %s added from configuration", text, operator);
            }
        }));
        config.operators().keySet().forEach(operator -> allocator.gauge(operator).set(allocator.remainingOf(operator)));
    }

    @Transactional
    public Range add(String operatorCode, String prefix, String suffix, long first, long last) {
        lockRangesOf(operatorCode);
        if (overlapping(operatorCode, prefix, suffix, first, last)) {
            throw new RangeOverlaps(prefix + first + "-" + last + suffix + " overlaps a range of " + operatorCode);
        }
        long id = insert(operatorCode, prefix, suffix, first, last);
        allocator.gauge(operatorCode).set(allocator.remainingOf(operatorCode));
        return list(operatorCode).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    @Transactional
    public List<Range> list(String operatorCode) {
        String sql = """
                select id, operator_code, prefix, suffix, first_serial, last_serial, next_serial,
                       greatest(last_serial - next_serial + 1, 0), created_at
                from waybill_range""" + (operatorCode == null ? "" : " where operator_code = ?1") + " order by operator_code, id";
        var query = entityManager.createNativeQuery(sql);
        if (operatorCode != null) {
            query.setParameter(1, operatorCode);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Range(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                ((Number) r[4]).longValue(), ((Number) r[5]).longValue(), ((Number) r[6]).longValue(),
                ((Number) r[7]).longValue(), toOffset(r[8]))).toList();
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.ofHours(7));
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.ofHours(7));
        }
        return null;
    }

    /** Serialises additions of one operator's ranges, so two overlapping ranges cannot both pass the check. */
    private void lockRangesOf(String operatorCode) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "waybill-range|" + operatorCode).getSingleResult();
    }

    private boolean overlapping(String operator, String prefix, String suffix, long first, long last) {
        Number count = (Number) entityManager.createNativeQuery("""
                        select count(*) from waybill_range where operator_code = ?1 and prefix = ?2 and suffix = ?3
                        and first_serial <= ?5 and last_serial >= ?4""")
                .setParameter(1, operator).setParameter(2, prefix).setParameter(3, suffix).setParameter(4, first)
                .setParameter(5, last).getSingleResult();
        return count.longValue() > 0;
    }

    private long insert(String operator, String prefix, String suffix, long first, long last) {
        return ((Number) entityManager.createNativeQuery("""
                        insert into waybill_range (operator_code, prefix, suffix, first_serial, last_serial, next_serial)
                        values (?1, ?2, ?3, ?4, ?5, ?4) returning id""")
                .setParameter(1, operator).setParameter(2, prefix).setParameter(3, suffix).setParameter(4, first)
                .setParameter(5, last).getSingleResult()).longValue();
    }
}
