package vn.motcua.appointment.suspension;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import vn.motcua.appointment.booking.BookingService;
import vn.motcua.appointment.config.AppClock;
import vn.motcua.appointment.servicepoint.ServicePoint;
import vn.motcua.appointment.servicepoint.StaffScope;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.contracts.appointment.AppointmentEvents;
import vn.motcua.contracts.common.Applicant;
import vn.motcua.contracts.events.Topics;
import vn.motcua.messaging.outbox.Outbox;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.web.security.Caller;
import vn.motcua.web.security.Roles;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Deciding and ending intake suspensions; filing and deciding urgent exceptions. */
@ApplicationScoped
@Transactional
public class SuspensionService {

    public static final String ACTIVE = "ACTIVE";
    public static final String ENDED = "ENDED";

    @Inject
    EntityManager entityManager;
    @Inject
    BookingService bookings;
    @Inject
    Outbox outbox;
    @Inject
    AppClock clock;

    public record Decided(IntakeSuspension suspension, List<ServicePoint> servicePoints, int bookingsCancelled) {
    }

    /**
     * Suspends in-person intake. An admin may suspend any scope; an officer or leader only service points of their
     * agency (for an admin unit or procedure scope: their agency's points in it). Active bookings inside are cancelled
     * with the reason, each with a booking-cancelled event the citizen is notified from.
     */
    public Decided suspend(@NotNull @Valid SuspensionDtos.CreateSuspension request, Caller caller) {
        if (!request.endsAt().isAfter(request.startsAt())) {
            throw new CommonProblems.InvalidInput("endsAt", "must be after startsAt");
        }
        if (!request.endsAt().isAfter(clock.now())) {
            throw new CommonProblems.InvalidInput("endsAt", "must be in the future");
        }
        List<String> codes = List.copyOf(new LinkedHashSet<>(request.scopeCodes()));
        List<String> procedures = request.scopeType() == IntakeSuspension.ScopeType.PROCEDURE ? codes
                : request.procedureCodes() == null ? List.of() : List.copyOf(new LinkedHashSet<>(request.procedureCodes()));
        List<ServicePoint> points = pointsInScope(request.scopeType(), codes, caller);
        if (points.isEmpty()) {
            throw new SuspensionProblems.ScopeEmpty("No service point you manage is in " + request.scopeType() + " " + codes);
        }
        IntakeSuspension suspension = new IntakeSuspension();
        suspension.id = UUID.randomUUID();
        suspension.scopeType = request.scopeType().name();
        suspension.scopeCodes = String.join(",", codes);
        suspension.procedureCodes = String.join(",", procedures);
        suspension.startsAt = request.startsAt();
        suspension.endsAt = request.endsAt();
        suspension.reason = request.reason();
        suspension.agencyCode = caller.agencyCode().orElse(null);
        suspension.decidedBy = caller.subject();
        suspension.status = ACTIVE;
        suspension.createdAt = clock.now();
        suspension.persist();
        entityManager.flush();
        for (ServicePoint point : points) {
            entityManager.createNativeQuery("insert into suspension_service_point (suspension_id, service_point_id) values (?1, ?2)")
                    .setParameter(1, suspension.id).setParameter(2, point.id).executeUpdate();
        }
        int cancelled = bookings.cancelForSuspension(suspension, points.stream().map(p -> p.id).toList());
        outbox.publish(Topics.APPOINTMENT, suspension.id.toString(), AppointmentEvents.SUSPENSION_STARTED,
                new AppointmentEvents.SuspensionStarted(suspension.id.toString(), suspension.scopeType, codes, procedures,
                        local(suspension.startsAt), local(suspension.endsAt), suspension.reason, suspension.decidedBy, cancelled));
        return new Decided(suspension, points, cancelled);
    }

    /** Ends a suspension early (staff who manage one of its points, or an admin). */
    public IntakeSuspension end(UUID id, Caller caller) {
        IntakeSuspension suspension = requireManaged(id, caller);
        if (!ACTIVE.equals(suspension.status)) {
            throw new SuspensionProblems.NotActive(id.toString());
        }
        finish(suspension);
        return suspension;
    }

    /** Suspensions whose period is over end by themselves (scheduled; several instances skip each other's rows). */
    public int endExpired() {
        List<IntakeSuspension> over = IntakeSuspension.<IntakeSuspension>find("status = ?1 and endsAt <= ?2", ACTIVE, clock.now())
                .withLock(LockModeType.PESSIMISTIC_WRITE).withHint("jakarta.persistence.lock.timeout", -2).page(0, 100).list();
        over.forEach(this::finish);
        return over.size();
    }

    public SuspensionException requestException(UUID suspensionId, @NotNull @Valid SuspensionDtos.CreateExceptionRequest request,
                                                Caller caller) {
        IntakeSuspension suspension = IntakeSuspension.<IntakeSuspension>findByIdOptional(suspensionId)
                .orElseThrow(() -> new CommonProblems.NotFound("Suspension", suspensionId.toString()));
        if (!ACTIVE.equals(suspension.status)) {
            throw new SuspensionProblems.NotActive(suspensionId.toString());
        }
        Applicant citizen;
        if (caller.isStaff()) {
            if (request.citizen() == null) {
                throw new CommonProblems.InvalidInput("citizen", "required when an officer files the request");
            }
            citizen = new Applicant(request.citizen().id(), request.citizen().fullName(), request.citizen().email(),
                    request.citizen().phone(), "vi");
        } else {
            citizen = new Applicant(caller.subject(), caller.displayName(), caller.claim("email").orElse(null),
                    caller.claim("phone").orElse(null), "vi");
        }
        SuspensionException exception = new SuspensionException();
        exception.id = UUID.randomUUID();
        exception.suspensionId = suspension.id;
        if (request.servicePointCode() != null) {
            ServicePoint point = ServicePoint.findByCode(request.servicePointCode())
                    .orElseThrow(() -> new CommonProblems.InvalidInput("servicePointCode", "unknown service point"));
            if (!pointIdsOf(suspension).contains(point.id)) {
                throw new CommonProblems.InvalidInput("servicePointCode", "not covered by suspension " + suspensionId);
            }
            exception.servicePointId = point.id;
        }
        exception.procedureCode = request.procedureCode();
        exception.citizenId = citizen.id();
        exception.citizenName = citizen.fullName();
        exception.citizenEmail = citizen.email();
        exception.citizenPhone = citizen.phone();
        exception.reason = request.reason();
        exception.requestedBy = caller.subject();
        exception.requestedAt = clock.now();
        exception.status = ExceptionStatus.REQUESTED;
        exception.persist();
        return exception;
    }

    /** A leader of the deciding agency (or of an agency whose point is covered) approves or rejects once. */
    public SuspensionException decide(UUID exceptionId, boolean approve, String note, Caller caller) {
        SuspensionException exception = entityManager.find(SuspensionException.class, exceptionId, LockModeType.PESSIMISTIC_WRITE);
        if (exception == null || !leaderOf(IntakeSuspension.findById(exception.suspensionId), caller)) {
            throw new CommonProblems.NotFound("Exception request", exceptionId.toString());
        }
        if (exception.status.isDecided()) {
            throw new SuspensionProblems.AlreadyDecided(exceptionId.toString(), exception.status);
        }
        if (!approve && (note == null || note.isBlank())) {
            throw new CommonProblems.InvalidInput("note", "a rejection needs a reason");
        }
        exception.status = approve ? ExceptionStatus.APPROVED : ExceptionStatus.REJECTED;
        exception.decidedBy = caller.subject();
        exception.decidedAt = clock.now();
        exception.decisionNote = note;
        Applicant citizen = new Applicant(exception.citizenId, exception.citizenName, exception.citizenEmail,
                exception.citizenPhone, "vi");
        String key = exception.suspensionId.toString();
        if (approve) {
            outbox.publish(Topics.APPOINTMENT, key, AppointmentEvents.EXCEPTION_APPROVED, new AppointmentEvents.ExceptionApproved(
                    exception.id.toString(), key, citizen, exception.reason, caller.subject(), local(exception.decidedAt)));
        } else {
            outbox.publish(Topics.APPOINTMENT, key, AppointmentEvents.EXCEPTION_REJECTED, new AppointmentEvents.ExceptionRejected(
                    exception.id.toString(), key, citizen, exception.reason, note, caller.subject(), local(exception.decidedAt)));
        }
        return exception;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<IntakeSuspension> find(UUID id) {
        return IntakeSuspension.findByIdOptional(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public vn.motcua.web.request.Page<IntakeSuspension> list(boolean activeOnly, vn.motcua.web.request.PageRequest page) {
        var query = activeOnly ? IntakeSuspension.<IntakeSuspension>find("status = ?1 order by startsAt desc", ACTIVE)
                : IntakeSuspension.<IntakeSuspension>find("order by startsAt desc");
        long total = activeOnly ? IntakeSuspension.count("status = ?1", ACTIVE) : IntakeSuspension.count();
        return new vn.motcua.web.request.Page<>(query.page(io.quarkus.panache.common.Page.of(page.page(), page.size())).list(),
                page.page(), page.size(), total);
    }

    /** A citizen sees their own requests; staff those of suspensions they manage. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SuspensionException> findException(UUID id, Caller caller) {
        return SuspensionException.<SuspensionException>findByIdOptional(id).filter(e -> caller.isStaff()
                ? manages(IntakeSuspension.findById(e.suspensionId), caller) : e.citizenId.equals(caller.subject()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SuspensionException> exceptionsOf(IntakeSuspension suspension, Caller caller) {
        if (caller.isStaff()) {
            if (!manages(suspension, caller)) {
                throw new CommonProblems.NotFound("Suspension", suspension.id.toString());
            }
            return SuspensionException.list("suspensionId = ?1 order by requestedAt", suspension.id);
        }
        return SuspensionException.list("suspensionId = ?1 and citizenId = ?2 order by requestedAt", suspension.id, caller.subject());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ServicePoint> pointsOf(IntakeSuspension suspension) {
        List<UUID> ids = pointIdsOf(suspension);
        return ids.isEmpty() ? List.of() : ServicePoint.list("id in ?1 order by code", ids);
    }

    private void finish(IntakeSuspension suspension) {
        suspension.status = ENDED;
        suspension.endedAt = clock.now();
        outbox.publish(Topics.APPOINTMENT, suspension.id.toString(), AppointmentEvents.SUSPENSION_ENDED,
                new AppointmentEvents.SuspensionEnded(suspension.id.toString(), local(suspension.endedAt)));
    }

    private List<ServicePoint> pointsInScope(IntakeSuspension.ScopeType scope, List<String> codes, Caller caller) {
        List<ServicePoint> points = new ArrayList<>();
        switch (scope) {
            case SERVICE_POINT -> {
                for (String code : codes) {
                    ServicePoint point = ServicePoint.findByCode(code)
                            .orElseThrow(() -> new CommonProblems.InvalidInput("scopeCodes", "unknown service point " + code));
                    StaffScope.requireManages(caller, point);
                    points.add(point);
                }
            }
            case ADMIN_UNIT -> points.addAll(ServicePoint.list("provinceCode in ?1 or communeCode in ?1 order by code", codes));
            case PROCEDURE -> points.addAll(ServicePoint.list(
                    "select distinct sp from ServicePoint sp join sp.procedures p where p.procedureCode in ?1 order by sp.code", codes));
        }
        return points.stream().filter(p -> StaffScope.manages(caller, p)).toList();
    }

    @SuppressWarnings("unchecked")
    private List<UUID> pointIdsOf(IntakeSuspension suspension) {
        return entityManager.createNativeQuery("select service_point_id from suspension_service_point where suspension_id = ?1",
                UUID.class).setParameter(1, suspension.id).getResultList();
    }

    private IntakeSuspension requireManaged(UUID id, Caller caller) {
        return IntakeSuspension.<IntakeSuspension>findByIdOptional(id).filter(s -> manages(s, caller))
                .orElseThrow(() -> new CommonProblems.NotFound("Suspension", id.toString()));
    }

    private boolean manages(IntakeSuspension suspension, Caller caller) {
        if (suspension == null) {
            return false;
        }
        if (caller.is(Roles.ADMIN)) {
            return true;
        }
        Optional<String> agency = caller.agencyCode();
        if (agency.isEmpty()) {
            return false;
        }
        if (agency.get().equals(suspension.agencyCode)) {
            return true;
        }
        return pointsOf(suspension).stream().anyMatch(p -> p.agencyCode.equals(agency.get()));
    }

    private boolean leaderOf(IntakeSuspension suspension, Caller caller) {
        return caller.is(Roles.LEADER) && manages(suspension, caller);
    }

    static OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(WorkingCalendar.ZONE).toOffsetDateTime();
    }

}
