package vn.motcua.dossier.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.dossier.Dossier;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * Increments the day's counters of a dossier's agency, procedure and channel in the transaction of the transition
 * that counts, so statistics read a few rows per day instead of scanning dossiers.
 */
@ApplicationScoped
public class DailyCounters {

    /** The counter columns; names are checked against this set before they go into SQL. */
    public static final Set<String> COLUMNS = Set.of("submitted", "received", "refused", "resolved", "resolved_early",
            "resolved_on_time", "resolved_late", "returned", "withdrawn", "stopped", "fee_required", "paid_online",
            "digitized", "overdue_marked", "rating_count", "rating_sum");

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(Dossier dossier, OffsetDateTime when, String column, long amount) {
        if (!COLUMNS.contains(column)) {
            throw new IllegalArgumentException("no counter " + column);
        }
        LocalDate day = when.atZoneSameInstant(WorkingCalendar.ZONE).toLocalDate();
        em.createNativeQuery("insert into dossier_daily_stat (day, agency_code, procedure_code, channel, " + column
                        + ") values (?1, ?2, ?3, ?4, ?5) on conflict (agency_code, day, procedure_code, channel) do update set "
                        + column + " = dossier_daily_stat." + column + " + excluded." + column)
                .setParameter(1, day).setParameter(2, dossier.agencyCode).setParameter(3, dossier.procedureCode)
                .setParameter(4, dossier.channel.name()).setParameter(5, amount).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void increment(Dossier dossier, OffsetDateTime when, String... columns) {
        for (String column : columns) {
            add(dossier, when, column, 1);
        }
    }
}
