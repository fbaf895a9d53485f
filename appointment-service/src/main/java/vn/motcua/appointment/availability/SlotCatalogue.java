package vn.motcua.appointment.availability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.motcua.appointment.capacity.CapacityPolicy;
import vn.motcua.appointment.capacity.CapacityRule;
import vn.motcua.appointment.capacity.SlotLedger;
import vn.motcua.appointment.config.AppClock;
import vn.motcua.appointment.config.AppointmentConfig;
import vn.motcua.appointment.servicepoint.OpeningSchedule;
import vn.motcua.appointment.servicepoint.ServicePoint;
import vn.motcua.appointment.servicepoint.ServicePointService;
import vn.motcua.appointment.suspension.IntakeSuspension;
import vn.motcua.appointment.suspension.SuspensionRules;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.web.problem.CommonProblems;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The slots a service point offers for a procedure, with their seats; and the checks of one requested slot. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SlotCatalogue {

    public static final int MAX_RANGE_DAYS = 31;

    @Inject
    ServicePointService servicePoints;
    @Inject
    SlotLedger ledger;
    @Inject
    SuspensionRules suspensions;
    @Inject
    AppointmentConfig config;
    @Inject
    AppClock clock;

    /** A slot that exists at the point, with its seats under today's policies. */
    public record ResolvedSlot(ServicePoint point, ServicePoint.ServedProcedure procedure, OffsetDateTime start,
                               OffsetDateTime end, CapacityRule.SlotCapacity capacity) {
    }

    public record SlotAvailability(String servicePointCode, String servicePointName, String procedureCode,
                                   OffsetDateTime start, OffsetDateTime end, int capacity, int booked, int remaining,
                                   boolean suspended, String suspensionId) {
    }

    public ServicePoint.ServedProcedure served(ServicePoint point, String procedureCode) {
        return point.procedure(procedureCode).orElseThrow(() -> new SlotProblems.ProcedureNotServed(point.code, procedureCode));
    }

    /**
     * Checks a slot a citizen asks for: the point serves the procedure, the slot is a real slot of its grid on an
     * open day, not in the past, with the minimum notice and within the horizon.
     */
    public ResolvedSlot resolveForBooking(ServicePoint point, String procedureCode, OffsetDateTime requestedStart) {
        ServicePoint.ServedProcedure procedure = served(point, procedureCode);
        OffsetDateTime now = clock.now();
        ZonedDateTime local = requestedStart.atZoneSameInstant(WorkingCalendar.ZONE);
        if (!requestedStart.isAfter(now)) {
            throw new SlotProblems.SlotInPast(requestedStart);
        }
        if (requestedStart.isBefore(now.plus(config.minimumNotice()))) {
            throw new SlotProblems.MinimumNotice(requestedStart, config.minimumNotice());
        }
        if (local.toLocalDate().isAfter(clock.today().plusDays(config.horizonDays()))) {
            throw new SlotProblems.BeyondHorizon(requestedStart, config.horizonDays());
        }
        return resolve(point, procedure, requestedStart);
    }

    /** The slot at {@code start} if it exists in the grid (no time-window checks). */
    public ResolvedSlot resolve(ServicePoint point, ServicePoint.ServedProcedure procedure, OffsetDateTime start) {
        ZonedDateTime local = start.atZoneSameInstant(WorkingCalendar.ZONE);
        LocalDate day = local.toLocalDate();
        OpeningSchedule schedule = servicePoints.schedule(point);
        Optional<String> closed = schedule.closedReason(day);
        if (closed.isPresent()) {
            throw new SlotProblems.ServicePointClosed(point.code, day, closed.get());
        }
        OpeningSchedule.SlotTime slot = schedule.slotStartingAt(day, local.toLocalTime(), procedure.slotMinutes)
                .filter(s -> local.getSecond() == 0 && local.getNano() == 0)
                .orElseThrow(() -> new SlotProblems.OutsideOpeningHours(point.code, start));
        return new ResolvedSlot(point, procedure, at(day, slot.start()), at(day, slot.end()),
                servicePoints.capacity(point, procedure, day));
    }

    /** The slot running at {@code moment} (for walk-ins), if the point is receiving then. */
    public Optional<ResolvedSlot> runningAt(ServicePoint point, ServicePoint.ServedProcedure procedure, OffsetDateTime moment) {
        ZonedDateTime local = moment.atZoneSameInstant(WorkingCalendar.ZONE);
        LocalDate day = local.toLocalDate();
        return servicePoints.schedule(point).slotsOn(day, procedure.slotMinutes).stream()
                .filter(s -> !local.toLocalTime().isBefore(s.start()) && local.toLocalTime().isBefore(s.end()))
                .findFirst()
                .map(s -> new ResolvedSlot(point, procedure, at(day, s.start()), at(day, s.end()),
                        servicePoints.capacity(point, procedure, day)));
    }

    /**
     * Bookable slots of a procedure in [from, to] (days, inclusive) at one point or every point serving it, clipped
     * to the minimum notice and the horizon. Remaining seats are read from the committed counters: eventually
     * consistent for a browsing citizen, the booking itself re-checks under a row lock.
     */
    public List<SlotAvailability> search(String procedureCode, String servicePointCode, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new CommonProblems.InvalidInput("to", "must not be before from");
        }
        if (from.plusDays(MAX_RANGE_DAYS - 1).isBefore(to)) {
            throw new CommonProblems.InvalidInput("to", "the range is at most " + MAX_RANGE_DAYS + " days");
        }
        List<ServicePoint> points;
        if (servicePointCode != null) {
            ServicePoint point = servicePoints.require(servicePointCode);
            served(point, procedureCode);
            points = List.of(point);
        } else {
            points = ServicePoint.list("select distinct sp from ServicePoint sp join sp.procedures p "
                    + "where p.procedureCode = ?1 order by sp.code", procedureCode);
        }
        OffsetDateTime earliest = clock.now().plus(config.minimumNotice());
        LocalDate lastDay = clock.today().plusDays(config.horizonDays());
        LocalDate end = to.isAfter(lastDay) ? lastDay : to;
        List<SlotAvailability> slots = new ArrayList<>();
        for (ServicePoint point : points) {
            ServicePoint.ServedProcedure procedure = served(point, procedureCode);
            OpeningSchedule schedule = servicePoints.schedule(point);
            List<CapacityRule.Policy> policies = CapacityPolicy.of(point.id).stream().map(CapacityPolicy::toRule).toList();
            OffsetDateTime rangeStart = at(from, java.time.LocalTime.MIN);
            OffsetDateTime rangeEnd = at(end.plusDays(1), java.time.LocalTime.MIN);
            if (!rangeStart.isBefore(rangeEnd)) {
                continue;
            }
            Map<Instant, Integer> booked = ledger.bookedBetween(point.id, procedureCode, rangeStart, rangeEnd);
            List<IntakeSuspension> active = suspensions.activeAt(point.id, rangeStart, rangeEnd).stream()
                    .filter(s -> s.coversProcedure(procedureCode)).toList();
            for (LocalDate day = from; !day.isAfter(end); day = day.plusDays(1)) {
                CapacityRule.SlotCapacity capacity = ServicePointService.capacity(procedure, day, policies);
                for (OpeningSchedule.SlotTime time : schedule.slotsOn(day, procedure.slotMinutes)) {
                    OffsetDateTime start = at(day, time.start());
                    if (start.isBefore(earliest)) {
                        continue;
                    }
                    OffsetDateTime slotEnd = at(day, time.end());
                    int taken = booked.getOrDefault(start.toInstant(), 0);
                    Optional<IntakeSuspension> suspension = active.stream()
                            .filter(s -> SuspensionRules.overlaps(s, start, slotEnd)).findFirst();
                    slots.add(new SlotAvailability(point.code, point.name, procedureCode, start, slotEnd,
                            capacity.publicSeats(), taken, Math.max(0, capacity.publicSeats() - taken),
                            suspension.isPresent(), suspension.map(s -> s.id.toString()).orElse(null)));
                }
            }
        }
        return slots;
    }

    static OffsetDateTime at(LocalDate day, java.time.LocalTime time) {
        return day.atTime(time).atZone(WorkingCalendar.ZONE).toOffsetDateTime();
    }
}
