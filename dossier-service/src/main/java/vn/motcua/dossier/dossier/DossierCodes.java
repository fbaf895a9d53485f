package vn.motcua.dossier.dossier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Mã hồ sơ: agency code + yyMMdd + the agency's daily sequence, e.g. {@code 000.00.12.H29-261123-0001}.
 *
 * <p>The sequence is a counter row per agency and day, incremented by {@code insert .. on conflict do update ..
 * returning}: the row lock serialises concurrent submissions across every instance of the service, and the counter
 * commits (or rolls back) with the dossier that used it, so numbers are unique and, barring rollbacks, gap-free.
 */
@ApplicationScoped
public class DossierCodes {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public String next(String agencyCode, LocalDate day) {
        Number value = (Number) em.createNativeQuery("""
                        insert into dossier_code_counter (agency_code, day, last_value) values (?1, ?2, 1)
                        on conflict (agency_code, day) do update set last_value = dossier_code_counter.last_value + 1
                        returning last_value""")
                .setParameter(1, agencyCode).setParameter(2, day).getSingleResult();
        return format(agencyCode, day, value.intValue());
    }

    static String format(String agencyCode, LocalDate day, int sequence) {
        return agencyCode + "-" + DAY.format(day) + "-" + String.format("%04d", sequence);
    }
}
