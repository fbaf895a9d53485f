package vn.motcua.appointment.booking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.motcua.contracts.dossier.DossierEvents;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * This service's copy of the dossiers {@code dossier.events} reported (table {@code known_dossier}): who filed each
 * one and its status after the newest event. It answers "may this citizen link a booking to this dossier" without
 * a call to dossier-service, so booking keeps working while dossier-service is down.
 */
@ApplicationScoped
public class KnownDossiers {

    /** dossier-service's closed states (DossierStatus.isClosed there): nothing more happens unless reopened. */
    static final Set<String> ENDED = Set.of("REFUSED", "WITHDRAWN", "STOPPED", "RETURNED");

    /**
     * An older event never overwrites a newer one. An event with the same time as the stored one does: the events
     * of one dossier share a partition (key = dossier id), so of two with equal times the later read is the later.
     */
    static final String UPSERT = """
            insert into known_dossier (dossier_id, applicant_id, agency_code, status, last_event_at)
            values (?1, ?2, ?3, ?4, ?5)
            on conflict (dossier_id) do update set applicant_id = excluded.applicant_id,
                agency_code = excluded.agency_code, status = excluded.status, last_event_at = excluded.last_event_at
            where known_dossier.last_event_at <= excluded.last_event_at""";

    /** A dossier as the newest of its events showed it. */
    public record KnownDossier(String dossierId, String applicantId, String status) {

        public boolean ended() {
            return ENDED.contains(status);
        }
    }

    @Inject
    EntityManager entityManager;

    /**
     * Records the dossier as an event of time {@code at} shows it. The upsert row-locks the dossier's row until the
     * transaction ends, which {@link #lockForLinking} relies on.
     *
     * @return false when a newer event was recorded before (the row is left as it was)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(DossierEvents.DossierRef dossier, OffsetDateTime at) {
        return entityManager.createNativeQuery(UPSERT)
                .setParameter(1, dossier.dossierId()).setParameter(2, dossier.applicant().id())
                .setParameter(3, dossier.agencyCode()).setParameter(4, dossier.status()).setParameter(5, at)
                .executeUpdate() == 1;
    }

    /**
     * The dossier, share-locked until the booking transaction ends. Why the lock: a dossier event that ends the
     * dossier updates this row first and then cancels the dossier's bookings, in one transaction. With the lock,
     * either that event committed before (and the status read here has ended) or it waits for this booking to
     * commit and then finds the booking and cancels it; a booking can never slip in between unseen.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<KnownDossier> lockForLinking(String dossierId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                        "select dossier_id, applicant_id, status from known_dossier where dossier_id = ?1 for share")
                .setParameter(1, dossierId).getResultList();
        return rows.stream().findFirst().map(r -> new KnownDossier((String) r[0], (String) r[1], (String) r[2]));
    }
}
