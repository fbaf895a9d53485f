package vn.motcua.payment.dossier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.motcua.contracts.common.Applicant;
import vn.motcua.contracts.dossier.DossierEvents;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * This service's copy of the dossiers {@code dossier.events} reported (table {@code known_dossier}): their agency,
 * applicant and status after the newest event. It is what an officer's extra obligation is checked against, so that
 * the request body never decides which agency's dossier is billed, nor who pays.
 */
@ApplicationScoped
public class KnownDossiers {

    /**
     * An older event never overwrites a newer one. An event with the same time as the stored one does: the events of
     * one dossier share a partition (key = dossier id), so of two with equal times the later read is the later. A
     * dossier code once known is kept (an event of a producer that leaves it out does not erase it).
     */
    static final String UPSERT = """
            insert into known_dossier (dossier_id, dossier_code, agency_code, procedure_code, procedure_name, applicant_id,
                applicant_name, applicant_email, applicant_phone, applicant_lang, status, last_event_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
            on conflict (dossier_id) do update set dossier_code = coalesce(excluded.dossier_code, known_dossier.dossier_code),
                agency_code = excluded.agency_code, procedure_code = excluded.procedure_code,
                procedure_name = excluded.procedure_name, applicant_id = excluded.applicant_id,
                applicant_name = excluded.applicant_name, applicant_email = excluded.applicant_email,
                applicant_phone = excluded.applicant_phone, applicant_lang = excluded.applicant_lang,
                status = excluded.status, last_event_at = excluded.last_event_at
            where known_dossier.last_event_at <= excluded.last_event_at""";

    /** A dossier as the newest of its events showed it. */
    public record KnownDossier(String dossierId, String dossierCode, String agencyCode, String procedureCode,
                               String procedureName, Applicant applicant, String status) {
    }

    @Inject
    EntityManager entityManager;

    /** @return false when a newer event was recorded before (the row is left as it was) */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(DossierEvents.DossierRef dossier, OffsetDateTime at) {
        Applicant a = dossier.applicant();
        return entityManager.createNativeQuery(UPSERT)
                .setParameter(1, dossier.dossierId()).setParameter(2, dossier.dossierCode())
                .setParameter(3, dossier.agencyCode()).setParameter(4, cut(dossier.procedureCode(), 50))
                .setParameter(5, cut(dossier.procedureName(), 500)).setParameter(6, a.id())
                .setParameter(7, cut(a.fullName(), 300)).setParameter(8, cut(a.email(), 300))
                .setParameter(9, cut(a.phone(), 50)).setParameter(10, cut(a.language(), 5))
                .setParameter(11, dossier.status()).setParameter(12, at)
                .executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<KnownDossier> find(String dossierId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select dossier_id, dossier_code, agency_code, procedure_code, procedure_name, applicant_id,
                               applicant_name, applicant_email, applicant_phone, applicant_lang, status
                        from known_dossier where dossier_id = ?1""")
                .setParameter(1, dossierId).getResultList();
        return rows.stream().findFirst().map(r -> new KnownDossier((String) r[0], (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], new Applicant((String) r[5], (String) r[6], (String) r[7], (String) r[8],
                (String) r[9]), (String) r[10]));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
