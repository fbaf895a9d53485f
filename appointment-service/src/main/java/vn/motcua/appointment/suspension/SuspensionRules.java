package vn.motcua.appointment.suspension;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Which active suspensions stop in-person intake at a service point in a period. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SuspensionRules {

    @Inject
    EntityManager entityManager;

    /** Active suspensions covering the point and overlapping [from, to), any procedure. */
    @SuppressWarnings("unchecked")
    public List<IntakeSuspension> activeAt(UUID servicePointId, OffsetDateTime from, OffsetDateTime to) {
        return entityManager.createNativeQuery("""
                        select s.* from intake_suspension s
                        join suspension_service_point p on p.suspension_id = s.id
                        where p.service_point_id = ?1 and s.status = 'ACTIVE' and s.starts_at < ?3 and s.ends_at > ?2
                        order by s.starts_at""", IntakeSuspension.class)
                .setParameter(1, servicePointId).setParameter(2, from).setParameter(3, to).getResultList();
    }

    /** Active suspensions that stop a booking of {@code procedureCode} in the slot [start, end). */
    public List<IntakeSuspension> blocking(UUID servicePointId, String procedureCode, OffsetDateTime start, OffsetDateTime end) {
        return activeAt(servicePointId, start, end).stream().filter(s -> s.coversProcedure(procedureCode)).toList();
    }

    public static boolean overlaps(IntakeSuspension suspension, OffsetDateTime start, OffsetDateTime end) {
        return suspension.startsAt.isBefore(end) && suspension.endsAt.isAfter(start);
    }

    /** An approved, unused exception of the citizen for this suspension that fits the point and procedure. */
    public Optional<SuspensionException> usableException(UUID suspensionId, String citizenId, UUID servicePointId,
                                                         String procedureCode) {
        return SuspensionException.<SuspensionException>find("""
                        suspensionId = ?1 and citizenId = ?2 and status = ?3 and bookingId is null
                        and (servicePointId is null or servicePointId = ?4)
                        and (procedureCode is null or procedureCode = ?5)
                        order by requestedAt""", suspensionId, citizenId, ExceptionStatus.APPROVED, servicePointId,
                procedureCode).firstResultOptional();
    }
}
