package vn.motcua.appointment.booking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jboss.logging.Logger;
import vn.motcua.appointment.availability.SlotCatalogue;
import vn.motcua.appointment.availability.SlotProblems;
import vn.motcua.appointment.capacity.SlotLedger;
import vn.motcua.appointment.config.AppClock;
import vn.motcua.appointment.config.AppointmentConfig;
import vn.motcua.appointment.servicepoint.ServicePoint;
import vn.motcua.appointment.servicepoint.ServicePointService;
import vn.motcua.appointment.suspension.IntakeSuspension;
import vn.motcua.appointment.suspension.SuspensionException;
import vn.motcua.appointment.suspension.SuspensionProblems;
import vn.motcua.appointment.suspension.SuspensionRules;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.contracts.common.Applicant;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.web.request.Page;
import vn.motcua.web.request.PageRequest;

import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Booking, confirming, cancelling and rescheduling slots; releasing holds and recording no-shows. */
@ApplicationScoped
@Transactional
public class BookingService {

    private static final Logger LOG = Logger.getLogger(BookingService.class);
    private static final String CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"; // no 0/O, 1/I: read aloud at counters
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager entityManager;
    @Inject
    ServicePointService servicePoints;
    @Inject
    SlotCatalogue slots;
    @Inject
    SlotLedger ledger;
    @Inject
    SuspensionRules suspensions;
    @Inject
    BookingEvents events;
    @Inject
    AppointmentConfig config;
    @Inject
    AppClock clock;
    @Inject
    KnownDossiers knownDossiers;

    /**
     * Holds a seat for the citizen: the seat is taken now (so the citizen cannot lose it while confirming) and
     * given back if not confirmed within the hold time.
     */
    public Booking hold(@NotNull Applicant citizen, @NotNull @Valid BookingDtos.CreateBooking request) {
        ServicePoint point = servicePoints.require(request.servicePointCode());
        SlotCatalogue.ResolvedSlot slot = slots.resolveForBooking(point, request.procedureCode(), request.slotStart());
        if (request.dossierId() != null) {
            checkLinkable(citizen.id(), request.dossierId());
        }
        lockCitizen(citizen.id());
        checkLimits(citizen.id(), request.procedureCode(), slot.start(), null);
        Optional<SuspensionException> exception = admitThroughSuspensions(point, request.procedureCode(), slot, citizen.id());
        if (!ledger.takeSeat(point.id, request.procedureCode(), slot.start(), slot.capacity().publicSeats())) {
            throw new SlotProblems.SlotFull(slot.start());
        }
        OffsetDateTime now = clock.now();
        Booking booking = new Booking();
        booking.id = UUID.randomUUID();
        booking.code = newCode();
        booking.citizenId = citizen.id();
        booking.citizenName = citizen.fullName();
        booking.citizenEmail = citizen.email();
        booking.citizenPhone = citizen.phone();
        booking.dossierId = request.dossierId();
        booking.servicePointId = point.id;
        booking.procedureCode = request.procedureCode();
        booking.slotStart = slot.start();
        booking.slotEnd = slot.end();
        booking.status = BookingStatus.HELD;
        booking.holdExpiresAt = now.plus(config.hold());
        booking.createdAt = now;
        exception.ifPresent(e -> {
            booking.exceptionId = e.id;
            e.bookingId = booking.id;
        });
        booking.persist();
        return booking;
    }

    public Booking confirm(UUID id, Viewer viewer) {
        Booking booking = requireOwn(id, viewer);
        ServicePoint point = ServicePoint.findById(booking.servicePointId);
        if (booking.status == BookingStatus.HELD && !clock.now().isBefore(booking.holdExpiresAt)) {
            throw new BookingProblems.HoldExpired(booking.code);
        }
        booking.moveTo(BookingStatus.CONFIRMED);
        booking.confirmedAt = clock.now();
        booking.holdExpiresAt = null;
        events.created(booking, point);
        return booking;
    }

    /** Cancels: the citizen until the cutoff; staff of the point at any time before the slot is over. */
    public Booking cancel(UUID id, Viewer viewer, @NotNull @Valid BookingDtos.Cancel request) {
        Booking booking = requireVisible(id, viewer);
        checkVersion(booking, request.version());
        if (viewer.citizen()) {
            checkCutoff(booking);
        }
        ServicePoint point = ServicePoint.findById(booking.servicePointId);
        cancel(booking, point, viewer.citizen() ? CancellationReason.CANCELLED_BY_CITIZEN : CancellationReason.CANCELLED_BY_STAFF,
                request.reason() != null ? request.reason() : viewer.citizen() ? "Công dân hủy lịch hẹn" : "Cán bộ hủy lịch hẹn",
                viewer.subject(), null);
        return booking;
    }

    /** Moves a booking to another slot of the same point and procedure, until the cutoff of the current slot. */
    public Booking reschedule(UUID id, Viewer viewer, @NotNull @Valid BookingDtos.Reschedule request) {
        Booking booking = requireOwn(id, viewer);
        checkVersion(booking, request.version());
        if (!booking.status.isChangeable()) {
            throw new CommonProblems.WrongState("BOOKING_WRONG_STATE", "Booking " + booking.code + " is " + booking.status);
        }
        checkCutoff(booking);
        ServicePoint point = ServicePoint.findById(booking.servicePointId);
        SlotCatalogue.ResolvedSlot slot = slots.resolveForBooking(point, booking.procedureCode, request.slotStart());
        if (slot.start().isEqual(booking.slotStart)) {
            return booking;
        }
        lockCitizen(booking.citizenId);
        checkLimits(booking.citizenId, booking.procedureCode, slot.start(), booking.id);
        Optional<SuspensionException> exception = admitThroughSuspensions(point, booking.procedureCode, slot, booking.citizenId);
        OffsetDateTime previous = booking.slotStart;
        // take the new seat before giving the old one back: a refused reschedule leaves the booking as it was
        if (!ledger.takeSeat(point.id, booking.procedureCode, slot.start(), slot.capacity().publicSeats())) {
            throw new SlotProblems.SlotFull(slot.start());
        }
        ledger.releaseSeat(point.id, booking.procedureCode, previous);
        booking.slotStart = slot.start();
        booking.slotEnd = slot.end();
        exception.ifPresent(e -> {
            booking.exceptionId = e.id;
            e.bookingId = booking.id;
        });
        if (booking.status == BookingStatus.CONFIRMED) {
            events.rescheduled(booking, point, previous);
        }
        return booking;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Booking> find(UUID id, Viewer viewer) {
        return Booking.<Booking>findByIdOptional(id).filter(b -> viewer.sees(b, ServicePoint.findById(b.servicePointId)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Booking> list(Viewer viewer, String servicePointCode, LocalDate day, BookingStatus status, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (viewer.citizen()) {
            params.add(viewer.subject());
            where.append(" and citizenId = ?").append(params.size());
        } else if (!viewer.caller().is(vn.motcua.web.security.Roles.ADMIN)) {
            params.add(viewer.caller().requireAgency());
            where.append(" and servicePointId in (select sp.id from ServicePoint sp where sp.agencyCode = ?")
                    .append(params.size()).append(")");
        }
        if (servicePointCode != null) {
            params.add(servicePointCode);
            where.append(" and servicePointId in (select sp.id from ServicePoint sp where sp.code = ?").append(params.size()).append(")");
        }
        if (day != null) {
            params.add(day.atStartOfDay(WorkingCalendar.ZONE).toOffsetDateTime());
            where.append(" and slotStart >= ?").append(params.size());
            params.add(day.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toOffsetDateTime());
            where.append(" and slotStart < ?").append(params.size());
        }
        if (status != null) {
            params.add(status);
            where.append(" and status = ?").append(params.size());
        }
        long total = Booking.count(where.toString(), params.toArray());
        List<Booking> items = Booking.<Booking>find(where + " order by slotStart, code", params.toArray())
                .page(io.quarkus.panache.common.Page.of(page.page(), page.size())).list();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** Gives back seats held longer than the hold time. Several instances: each takes rows the others have not locked. */
    public int releaseExpiredHolds() {
        List<Booking> expired = Booking.<Booking>find("status = ?1 and holdExpiresAt <= ?2", BookingStatus.HELD, clock.now())
                .withLock(LockModeType.PESSIMISTIC_WRITE).withHint("jakarta.persistence.lock.timeout", -2)
                .page(0, 200).list();
        for (Booking booking : expired) {
            booking.moveTo(BookingStatus.EXPIRED);
            booking.finishedAt = clock.now();
            ledger.releaseSeat(booking.servicePointId, booking.procedureCode, booking.slotStart);
            releaseException(booking);
        }
        if (!expired.isEmpty()) {
            LOG.infof("released %d expired holds", expired.size());
        }
        return expired.size();
    }

    /** Confirmed bookings never checked in, their slot over by the grace period: no-shows. */
    public int markNoShows() {
        OffsetDateTime cutoff = clock.now().minus(config.queue().noShowGrace());
        List<Booking> missed = Booking.<Booking>find("status = ?1 and slotEnd <= ?2", BookingStatus.CONFIRMED, cutoff)
                .withLock(LockModeType.PESSIMISTIC_WRITE).withHint("jakarta.persistence.lock.timeout", -2)
                .page(0, 200).list();
        for (Booking booking : missed) {
            booking.moveTo(BookingStatus.NO_SHOW);
            booking.finishedAt = clock.now();
            events.noShow(booking, ServicePoint.findById(booking.servicePointId));
        }
        return missed.size();
    }

    /** Cancels the active bookings a new suspension covers, except those an approved exception allowed. */
    public int cancelForSuspension(IntakeSuspension suspension, List<UUID> servicePointIds) {
        if (servicePointIds.isEmpty()) {
            return 0;
        }
        List<Booking> affected = Booking.<Booking>find("""
                        servicePointId in ?1 and status in ?2 and slotStart < ?3 and slotEnd > ?4 and exceptionId is null
                        order by slotStart""", servicePointIds, List.of(BookingStatus.HELD, BookingStatus.CONFIRMED),
                suspension.endsAt, suspension.startsAt).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        int cancelled = 0;
        for (Booking booking : affected) {
            if (!suspension.coversProcedure(booking.procedureCode)) {
                continue;
            }
            booking.suspensionId = suspension.id;
            cancel(booking, ServicePoint.findById(booking.servicePointId), CancellationReason.INTAKE_SUSPENDED,
                    "Tạm dừng tiếp nhận trực tiếp: " + suspension.reason, suspension.decidedBy, suspension.id);
            cancelled++;
        }
        return cancelled;
    }

    /**
     * The linked dossier ended without needing the visit (refused, withdrawn, stopped): its active bookings are
     * cancelled whatever the cutoff, their seats given back. Bookings checked in, served or otherwise finished are
     * left alone.
     * The rows are locked, so a check-in racing this either commits first (and the booking is no longer active
     * when re-read) or waits and then finds the booking cancelled.
     *
     * @return the bookings cancelled
     */
    public List<Booking> cancelForDossier(@NotNull String dossierId, @NotNull CancellationReason code,
                                          @NotNull String reason, @NotNull String by) {
        List<Booking> affected = Booking.<Booking>find("dossierId = ?1 and status in ?2 order by slotStart", dossierId,
                List.of(BookingStatus.HELD, BookingStatus.CONFIRMED)).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        for (Booking booking : affected) {
            cancel(booking, ServicePoint.findById(booking.servicePointId), code, reason, by, null);
        }
        return affected;
    }

    private void cancel(Booking booking, ServicePoint point, CancellationReason code, String reason, String by,
                        UUID suspensionId) {
        BookingStatus before = booking.status;
        booking.moveTo(BookingStatus.CANCELLED);
        booking.cancelledAt = clock.now();
        booking.cancelledBy = by;
        booking.cancelReasonCode = code;
        booking.cancelReason = reason;
        booking.suspensionId = suspensionId;
        booking.holdExpiresAt = null;
        ledger.releaseSeat(point.id, booking.procedureCode, booking.slotStart);
        releaseException(booking);
        if (before == BookingStatus.CONFIRMED) {
            events.cancelled(booking, point); // a HELD booking was never announced, so its end is not either
        }
    }

    /** A booking that will not take place gives its exception back, so the citizen can book again inside the suspension. */
    private void releaseException(Booking booking) {
        if (booking.exceptionId != null) {
            SuspensionException.<SuspensionException>findByIdOptional(booking.exceptionId)
                    .filter(e -> booking.id.equals(e.bookingId)).ifPresent(e -> e.bookingId = null);
        }
    }

    private Optional<SuspensionException> admitThroughSuspensions(ServicePoint point, String procedureCode,
                                                                  SlotCatalogue.ResolvedSlot slot, String citizenId) {
        SuspensionException admitted = null;
        for (IntakeSuspension suspension : suspensions.blocking(point.id, procedureCode, slot.start(), slot.end())) {
            admitted = suspensions.usableException(suspension.id, citizenId, point.id, procedureCode)
                    .orElseThrow(() -> new SuspensionProblems.IntakeSuspended(suspension, point.name));
        }
        return Optional.ofNullable(admitted);
    }

    /**
     * Serialises one citizen's booking requests (a transaction-scoped PostgreSQL advisory lock, valid across
     * instances), so two parallel requests cannot both pass the per-citizen limits.
     */
    private void lockCitizen(String citizenId) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "booking-citizen:" + citizenId).getSingleResult();
    }

    private void checkLimits(String citizenId, String procedureCode, OffsetDateTime slotStart, UUID except) {
        List<BookingStatus> active = List.of(BookingStatus.HELD, BookingStatus.CONFIRMED);
        UUID exclude = except != null ? except : new UUID(0, 0);
        LocalDate monday = slotStart.atZoneSameInstant(WorkingCalendar.ZONE).toLocalDate().with(DayOfWeek.MONDAY);
        long inWeek = Booking.count("citizenId = ?1 and status in ?2 and slotStart >= ?3 and slotStart < ?4 and id <> ?5",
                citizenId, active, monday.atStartOfDay(WorkingCalendar.ZONE).toOffsetDateTime(),
                monday.plusWeeks(1).atStartOfDay(WorkingCalendar.ZONE).toOffsetDateTime(), exclude);
        if (inWeek >= config.maxActivePerWeek()) {
            throw new BookingProblems.WeeklyLimit(config.maxActivePerWeek());
        }
        Optional<Booking> same = Booking.<Booking>find("citizenId = ?1 and procedureCode = ?2 and status in ?3 and id <> ?4",
                citizenId, procedureCode, active, exclude).firstResultOptional();
        if (same.isPresent()) {
            throw new BookingProblems.ActiveBookingExists(procedureCode, same.get().code);
        }
    }

    /**
     * A booking may name only a dossier of the citizen it is for (bookings are made by citizens for themselves
     * only) that has not ended: the link decides which bookings a dossier's refusal cancels and how booking events
     * are keyed. Checked before any seat is taken, and the dossier's row stays share-locked until this booking
     * commits (see {@link KnownDossiers#lockForLinking}); taking that lock first keeps the lock order of the
     * dossier-event handler (dossier, then bookings and seats), so the two cannot deadlock.
     */
    private void checkLinkable(String citizenId, String dossierId) {
        KnownDossiers.KnownDossier dossier = knownDossiers.lockForLinking(dossierId)
                .filter(d -> d.applicantId().equals(citizenId))
                .orElseThrow(BookingProblems.DossierNotLinkable::new);
        if (dossier.ended()) {
            throw new BookingProblems.DossierClosed(dossier.status());
        }
    }

    private void checkCutoff(Booking booking) {
        if (!booking.status.isChangeable()) {
            throw new CommonProblems.WrongState("BOOKING_WRONG_STATE", "Booking " + booking.code + " is " + booking.status);
        }
        if (clock.now().isAfter(booking.slotStart.minus(config.changeCutoff()))) {
            throw new BookingProblems.CutoffPassed(booking.code, config.changeCutoff());
        }
    }

    private static void checkVersion(Booking booking, Long version) {
        if (version != null && version != booking.version) {
            throw new CommonProblems.VersionConflict("Booking " + booking.code, version, booking.version);
        }
    }

    /** The caller's own booking; anybody else's is "not found" (never 403: we do not confirm it exists). */
    private Booking requireOwn(UUID id, Viewer viewer) {
        return Booking.<Booking>findByIdOptional(id).filter(b -> b.citizenId.equals(viewer.subject()))
                .orElseThrow(() -> new CommonProblems.NotFound("Booking", id.toString()));
    }

    private Booking requireVisible(UUID id, Viewer viewer) {
        return find(id, viewer).orElseThrow(() -> new CommonProblems.NotFound("Booking", id.toString()));
    }

    static String newCode() {
        StringBuilder code = new StringBuilder("LH");
        for (int i = 0; i < 8; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }
}
