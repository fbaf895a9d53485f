package vn.motcua.appointment.servicepoint;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import vn.motcua.appointment.capacity.CapacityPolicy;
import vn.motcua.appointment.capacity.CapacityRule;
import vn.motcua.appointment.config.AppClock;
import vn.motcua.appointment.servicepoint.ServicePointDtos.CreateCapacityPolicy;
import vn.motcua.appointment.servicepoint.ServicePointDtos.CreateClosure;
import vn.motcua.appointment.servicepoint.ServicePointDtos.CreateServicePoint;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.web.request.Page;
import vn.motcua.web.request.PageRequest;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Service points, their closures and capacity policies; the opening schedule and seats of a slot. */
@ApplicationScoped
@Transactional
public class ServicePointService {

    @Inject
    WorkingCalendar calendar;
    @Inject
    AppClock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ServicePointDtos.ServicePointView> list(String procedureCode, String provinceCode, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (procedureCode != null) {
            where.append(" and sp.id in (select s.id from ServicePoint s join s.procedures p where p.procedureCode = :procedure)");
            params.and("procedure", procedureCode);
        }
        if (provinceCode != null) {
            where.append(" and sp.provinceCode = :province");
            params.and("province", provinceCode);
        }
        long total = ServicePoint.count("from ServicePoint sp where " + where, params);
        var query = ServicePoint.<ServicePoint>find("from ServicePoint sp where " + where + " order by sp.code", params);
        List<ServicePointDtos.ServicePointView> items = query.page(io.quarkus.panache.common.Page.of(page.page(), page.size()))
                .list().stream().map(ServicePointDtos.ServicePointView::of).toList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ServicePoint> find(String code) {
        return ServicePoint.findByCode(code);
    }

    /** The point, or 404: a missing service point is the same answer for everyone. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ServicePoint require(String code) {
        return find(code).orElseThrow(() -> new CommonProblems.NotFound("Service point", code));
    }

    public ServicePoint create(@NotNull @Valid CreateServicePoint request) {
        if (ServicePoint.findByCode(request.code()).isPresent()) {
            throw new ServicePointProblems.ServicePointExists(request.code());
        }
        ServicePoint point = new ServicePoint();
        point.id = UUID.randomUUID();
        point.code = request.code();
        point.name = request.name();
        point.agencyCode = request.agencyCode();
        point.provinceCode = request.provinceCode();
        point.communeCode = request.communeCode();
        point.address = request.address();
        point.createdAt = clock.now();
        Set<String> counterCodes = new HashSet<>();
        Set<String> groups = new HashSet<>();
        for (ServicePointDtos.CounterDto dto : request.counters()) {
            if (!counterCodes.add(dto.code())) {
                throw new CommonProblems.InvalidInput("counters", "counter code " + dto.code() + " appears twice");
            }
            groups.add(dto.counterGroup());
            ServicePoint.Counter counter = new ServicePoint.Counter();
            counter.code = dto.code();
            counter.name = dto.name();
            counter.counterGroup = dto.counterGroup();
            point.counters.add(counter);
        }
        Set<String> procedureCodes = new HashSet<>();
        for (ServicePointDtos.ProcedureDto dto : request.procedures()) {
            if (!procedureCodes.add(dto.procedureCode())) {
                throw new CommonProblems.InvalidInput("procedures", "procedure " + dto.procedureCode() + " appears twice");
            }
            if (!groups.contains(dto.counterGroup())) {
                throw new CommonProblems.InvalidInput("procedures", "no counter serves group " + dto.counterGroup());
            }
            ServicePoint.ServedProcedure procedure = new ServicePoint.ServedProcedure();
            procedure.procedureCode = dto.procedureCode();
            procedure.procedureName = dto.procedureName();
            procedure.slotMinutes = dto.slotMinutes();
            procedure.publicQuota = dto.publicQuota();
            procedure.internalQuota = dto.internalQuota();
            procedure.counterGroup = dto.counterGroup();
            point.procedures.add(procedure);
        }
        Set<Integer> days = new HashSet<>();
        for (ServicePointDtos.HoursDto dto : request.openingHours()) {
            if (!days.add(dto.dayOfWeek().getValue())) {
                throw new ServicePointProblems.InvalidSchedule(dto.dayOfWeek() + " appears twice");
            }
            try {
                new OpeningSchedule.DayHours(dto.dayOfWeek(), dto.opens(), dto.closes(), dto.breakStarts(), dto.breakEnds());
            } catch (IllegalArgumentException e) {
                throw new ServicePointProblems.InvalidSchedule(dto.dayOfWeek() + ": " + e.getMessage());
            }
            ServicePoint.Hours hours = new ServicePoint.Hours();
            hours.dayOfWeek = (short) dto.dayOfWeek().getValue();
            hours.opens = dto.opens();
            hours.closes = dto.closes();
            hours.breakStarts = dto.breakStarts();
            hours.breakEnds = dto.breakEnds();
            point.openingHours.add(hours);
        }
        point.persist();
        return point;
    }

    public Closure addClosure(ServicePoint point, @NotNull @Valid CreateClosure request, String decidedBy) {
        if (request.lastDay().isBefore(request.firstDay())) {
            throw new CommonProblems.InvalidInput("lastDay", "must not be before firstDay");
        }
        Closure closure = new Closure();
        closure.id = UUID.randomUUID();
        closure.servicePointId = point.id;
        closure.firstDay = request.firstDay();
        closure.lastDay = request.lastDay();
        closure.reason = request.reason();
        closure.createdBy = decidedBy;
        closure.createdAt = clock.now();
        closure.persist();
        return closure;
    }

    public CapacityPolicy addPolicy(ServicePoint point, @NotNull @Valid CreateCapacityPolicy request, String decidedBy) {
        if (request.procedureCode() != null && point.procedure(request.procedureCode()).isEmpty()) {
            throw new CommonProblems.InvalidInput("procedureCode", point.code + " does not serve " + request.procedureCode());
        }
        CapacityPolicy policy = new CapacityPolicy();
        try {
            new CapacityRule.Policy(request.procedureCode(), request.effectiveFrom(), request.effectiveTo(),
                    request.seatPercent(), request.maxPerSlot());
        } catch (IllegalArgumentException e) {
            throw new CommonProblems.InvalidInput("body", e.getMessage());
        }
        policy.id = UUID.randomUUID();
        policy.servicePointId = point.id;
        policy.procedureCode = request.procedureCode();
        policy.effectiveFrom = request.effectiveFrom();
        policy.effectiveTo = request.effectiveTo();
        policy.seatPercent = request.seatPercent();
        policy.maxPerSlot = request.maxPerSlot();
        policy.reason = request.reason();
        policy.createdBy = decidedBy;
        policy.createdAt = clock.now();
        policy.persist();
        return policy;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Closure> closures(ServicePoint point) {
        return Closure.of(point.id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CapacityPolicy> policies(ServicePoint point) {
        return CapacityPolicy.of(point.id);
    }

    /** Weekly hours minus public holidays and the point's closures. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OpeningSchedule schedule(ServicePoint point) {
        return new OpeningSchedule(calendar, point.week(), Closure.of(point.id).stream().map(Closure::toRule).toList());
    }

    /** Seats of a slot of {@code procedure} on {@code day} under the policies in force that day. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CapacityRule.SlotCapacity capacity(ServicePoint point, ServicePoint.ServedProcedure procedure, LocalDate day) {
        return capacity(procedure, day, CapacityPolicy.of(point.id).stream().map(CapacityPolicy::toRule).toList());
    }

    public static CapacityRule.SlotCapacity capacity(ServicePoint.ServedProcedure procedure, LocalDate day,
                                                     List<CapacityRule.Policy> policies) {
        return CapacityRule.effective(procedure.publicQuota, procedure.internalQuota, procedure.procedureCode, day, policies);
    }
}
