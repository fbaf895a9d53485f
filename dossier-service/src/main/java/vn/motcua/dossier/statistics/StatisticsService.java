package vn.motcua.dossier.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reports from the daily counters: cost grows with days × procedures × channels, not with dossiers. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class StatisticsService {

    @Inject
    EntityManager em;

    @Schema(name = "Counts")
    public record Counts(long submitted, long received, long refused, long resolved, long resolvedEarly,
                         long resolvedOnTime, long resolvedLate, long returned, long withdrawn, long stopped,
                         long feeRequired, long paidOnline, long digitized, long overdueMarked, long ratingCount,
                         long ratingSum) {
    }

    @Schema(name = "Statistics", description = "Counts and rates of an agency (or all) over a period; rates are 0..1, null when undefined")
    public record Report(String agencyCode, String procedureCode, LocalDate from, LocalDate to, Counts totals,
                         Map<String, Long> receivedByChannel, Double onTimeRate, Double onlineRate,
                         Double onlinePaymentRate, Double digitizationRate, Double averageRating, long overdueNow) {
    }

    public Report report(String agencyCode, String procedureCode, LocalDate from, LocalDate to) {
        StringBuilder where = new StringBuilder(" where day between ?1 and ?2");
        List<Object> params = new ArrayList<>(List.of(from, to));
        if (agencyCode != null) {
            params.add(agencyCode);
            where.append(" and agency_code = ?").append(params.size());
        }
        if (procedureCode != null) {
            params.add(procedureCode);
            where.append(" and procedure_code = ?").append(params.size());
        }
        Query query = em.createNativeQuery("""
                select channel, sum(submitted), sum(received), sum(refused), sum(resolved), sum(resolved_early),
                       sum(resolved_on_time), sum(resolved_late), sum(returned), sum(withdrawn), sum(stopped),
                       sum(fee_required), sum(paid_online), sum(digitized), sum(overdue_marked), sum(rating_count),
                       sum(rating_sum)
                from dossier_daily_stat""" + where + " group by channel");
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        long[] sums = new long[16];
        Map<String, Long> byChannel = new TreeMap<>(Map.of("COUNTER", 0L, "ONLINE", 0L, "POSTAL", 0L));
        for (Object[] row : rows) {
            for (int i = 0; i < 16; i++) {
                sums[i] += row[i + 1] == null ? 0 : ((Number) row[i + 1]).longValue();
            }
            byChannel.put((String) row[0], row[2] == null ? 0 : ((Number) row[2]).longValue());
        }
        Counts totals = new Counts(sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], sums[6], sums[7], sums[8],
                sums[9], sums[10], sums[11], sums[12], sums[13], sums[14], sums[15]);
        return new Report(agencyCode, procedureCode, from, to, totals, byChannel,
                rate(totals.resolvedEarly() + totals.resolvedOnTime(), totals.resolved()),
                rate(byChannel.get("ONLINE"), totals.received()),
                rate(totals.paidOnline(), totals.feeRequired()),
                rate(totals.digitized(), totals.received()),
                totals.ratingCount() == 0 ? null : (double) totals.ratingSum() / totals.ratingCount(),
                overdueNow(agencyCode, procedureCode));
    }

    /** Reads the partial overdue index: proportional to the dossiers overdue now, not to all dossiers. */
    private long overdueNow(String agencyCode, String procedureCode) {
        StringBuilder sql = new StringBuilder("select count(*) from dossier where overdue and status in ('RECEIVED', 'PROCESSING', 'WITHDRAWAL_REQUESTED')");
        if (agencyCode != null) {
            sql.append(" and agency_code = :agency");
        }
        if (procedureCode != null) {
            sql.append(" and procedure_code = :procedure");
        }
        Query query = em.createNativeQuery(sql.toString());
        if (agencyCode != null) {
            query.setParameter("agency", agencyCode);
        }
        if (procedureCode != null) {
            query.setParameter("procedure", procedureCode);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
