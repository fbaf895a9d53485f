package vn.motcua.appointment.queue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import vn.motcua.appointment.availability.SlotCatalogue;
import vn.motcua.appointment.availability.SlotProblems;
import vn.motcua.appointment.booking.Booking;
import vn.motcua.appointment.booking.BookingEvents;
import vn.motcua.appointment.booking.BookingProblems;
import vn.motcua.appointment.booking.BookingStatus;
import vn.motcua.appointment.booking.Viewer;
import vn.motcua.appointment.capacity.SlotLedger;
import vn.motcua.appointment.config.AppClock;
import vn.motcua.appointment.config.AppointmentConfig;
import vn.motcua.appointment.servicepoint.ServicePoint;
import vn.motcua.appointment.servicepoint.StaffScope;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.web.security.Caller;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The day at the service point: check-in, walk-ins, calling, served and no-show. */
@ApplicationScoped
@Transactional
public class QueueService {

    @Inject
    EntityManager entityManager;
    @Inject
    SlotCatalogue slots;
    @Inject
    SlotLedger ledger;
    @Inject
    BookingEvents events;
    @Inject
    AppointmentConfig config;
    @Inject
    AppClock clock;

    /** Checks a booking in (the citizen at a kiosk, or an officer of the point) and issues its queue number. */
    public QueueTicket checkIn(UUID bookingId, Viewer viewer) {
        Booking booking = entityManager.find(Booking.class, bookingId, LockModeType.PESSIMISTIC_WRITE);
        ServicePoint point = booking == null ? null : ServicePoint.findById(booking.servicePointId);
        if (booking == null || !viewer.sees(booking, point)) {
            throw new CommonProblems.NotFound("Booking", bookingId.toString());
        }
        if (!booking.status.canBecome(BookingStatus.CHECKED_IN)) {
            booking.moveTo(BookingStatus.CHECKED_IN); // throws ALREADY_CHECKED_IN or BOOKING_WRONG_STATE
        }
        OffsetDateTime now = clock.now();
        OffsetDateTime opens = booking.slotStart.minus(config.queue().checkInEarly());
        OffsetDateTime closes = booking.slotEnd.plus(config.queue().noShowGrace());
        if (now.isBefore(opens) || now.isAfter(closes)) {
            throw new BookingProblems.CheckInNotOpen(booking.code, local(opens), local(closes));
        }
        booking.moveTo(BookingStatus.CHECKED_IN);
        booking.checkedInAt = now;
        ServicePoint.ServedProcedure procedure = slots.served(point, booking.procedureCode);
        QueueTicket ticket = issue(point, procedure, booking.citizenName, booking.slotStart);
        ticket.bookingId = booking.id;
        events.checkedIn(booking, point, ticket.displayNumber);
        return ticket;
    }

    /** A walk-in ticket, within the internal quota of the slot running now. */
    public QueueTicket walkIn(ServicePoint point, String procedureCode, String citizenName) {
        ServicePoint.ServedProcedure procedure = slots.served(point, procedureCode);
        OffsetDateTime now = clock.now();
        SlotCatalogue.ResolvedSlot slot = slots.runningAt(point, procedure, now)
                .orElseThrow(() -> new SlotProblems.OutsideOpeningHours(point.code, local(now)));
        if (!ledger.takeWalkIn(point.id, procedureCode, slot.start(), slot.capacity().internalSeats())) {
            throw new SlotProblems.WalkInQuotaUsed(local(slot.start()));
        }
        return issue(point, procedure, citizenName, slot.start());
    }

    /** The next waiting ticket of the counter's group goes to that counter. */
    public QueueTicket callNext(ServicePoint point, String counterCode, String officer) {
        ServicePoint.Counter counter = point.counter(counterCode)
                .orElseThrow(() -> new CommonProblems.NotFound("Counter", point.code + "/" + counterCode));
        // skip locked: two counters calling at once get two different people
        @SuppressWarnings("unchecked")
        List<UUID> next = entityManager.createNativeQuery("""
                        select id from queue_ticket
                        where service_point_id = ?1 and service_day = ?2 and prefix = ?3 and status = 'WAITING'
                        order by number limit 1 for update skip locked""", UUID.class)
                .setParameter(1, point.id).setParameter(2, clock.today()).setParameter(3, counter.counterGroup)
                .getResultList();
        if (next.isEmpty()) {
            throw new QueueProblems.QueueEmpty(counter.counterGroup);
        }
        QueueTicket ticket = QueueTicket.findById(next.get(0));
        move(ticket, TicketStatus.CALLED);
        ticket.calls = 1;
        ticket.counterCode = counter.code;
        ticket.calledAt = clock.now();
        return ticket;
    }

    public QueueTicket recall(UUID ticketId, Caller caller) {
        QueueTicket ticket = requireTicket(ticketId, caller);
        if (ticket.status != TicketStatus.CALLED) {
            throw new QueueProblems.TicketWrongState(ticket.displayNumber, ticket.status, TicketStatus.CALLED);
        }
        if (ticket.calls >= config.queue().noShowAfterCalls()) {
            throw new QueueProblems.CallLimitReached(ticket.displayNumber, ticket.calls);
        }
        ticket.calls++;
        ticket.calledAt = clock.now();
        return ticket;
    }

    public QueueTicket served(UUID ticketId, Caller caller) {
        QueueTicket ticket = requireTicket(ticketId, caller);
        move(ticket, TicketStatus.SERVED);
        ticket.finishedAt = clock.now();
        ticket.finishedBy = caller.subject();
        if (ticket.bookingId != null) {
            Booking booking = Booking.findById(ticket.bookingId);
            booking.moveTo(BookingStatus.SERVED);
            booking.finishedAt = ticket.finishedAt;
            events.served(booking, ServicePoint.findById(booking.servicePointId), ticket.counterCode, caller.subject());
        }
        return ticket;
    }

    /** No-show: after the configured number of calls, or once the ticket's slot is over by the grace period. */
    public QueueTicket noShow(UUID ticketId, Caller caller) {
        QueueTicket ticket = requireTicket(ticketId, caller);
        boolean calledEnough = ticket.calls >= config.queue().noShowAfterCalls();
        Booking booking = ticket.bookingId == null ? null : Booking.findById(ticket.bookingId);
        boolean slotOver = booking != null && clock.now().isAfter(booking.slotEnd.plus(config.queue().noShowGrace()));
        if (!calledEnough && !slotOver) {
            throw new QueueProblems.NoShowTooEarly(ticket.displayNumber, config.queue().noShowAfterCalls());
        }
        move(ticket, TicketStatus.NO_SHOW);
        ticket.finishedAt = clock.now();
        ticket.finishedBy = caller.subject();
        if (booking != null) {
            booking.moveTo(BookingStatus.NO_SHOW);
            booking.finishedAt = ticket.finishedAt;
            events.noShow(booking, ServicePoint.findById(booking.servicePointId));
        }
        return ticket;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public QueueDtos.QueueView day(ServicePoint point, LocalDate day) {
        List<QueueTicket> tickets = QueueTicket.list("servicePointId = ?1 and serviceDay = ?2 order by prefix, number",
                point.id, day);
        Map<String, Integer> aheadInGroup = new HashMap<>();
        Map<String, Duration> perPerson = new HashMap<>();
        List<QueueDtos.TicketView> views = new ArrayList<>();
        int waiting = 0;
        for (QueueTicket ticket : tickets) {
            Long estimate = null;
            if (ticket.status == TicketStatus.WAITING) {
                waiting++;
                int ahead = aheadInGroup.merge(ticket.prefix, 1, Integer::sum) - 1;
                Duration each = perPerson.computeIfAbsent(ticket.prefix, group -> averageService(point, tickets, group));
                estimate = QueueNumbers.estimatedWait(ahead, (int) point.countersInGroup(ticket.prefix), each).toMinutes();
            }
            views.add(view(ticket, point, estimate));
        }
        return new QueueDtos.QueueView(point.code, day, waiting, views);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public QueueDtos.TicketView view(QueueTicket ticket) {
        return view(ticket, ServicePoint.findById(ticket.servicePointId), null);
    }

    /** Average counter time of today's served tickets of the group; before anyone is served, the slot length. */
    private Duration averageService(ServicePoint point, List<QueueTicket> tickets, String group) {
        List<Duration> served = tickets.stream()
                .filter(t -> t.prefix.equals(group) && t.status == TicketStatus.SERVED && t.calledAt != null && t.finishedAt != null)
                .map(t -> Duration.between(t.calledAt, t.finishedAt)).toList();
        if (!served.isEmpty()) {
            return served.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(served.size());
        }
        return Duration.ofMinutes(point.procedures.stream().filter(p -> p.counterGroup.equals(group))
                .mapToInt(p -> p.slotMinutes).min().orElse(15));
    }

    private QueueTicket issue(ServicePoint point, ServicePoint.ServedProcedure procedure, String citizenName,
                              OffsetDateTime slotStart) {
        LocalDate day = clock.today();
        String prefix = procedure.counterGroup;
        // one row per point, day and group, incremented under its row lock: unique numbers across instances
        int number = ((Number) entityManager.createNativeQuery("""
                        insert into queue_sequence (service_point_id, service_day, prefix, last_number) values (?1, ?2, ?3, 1)
                        on conflict (service_point_id, service_day, prefix)
                        do update set last_number = queue_sequence.last_number + 1
                        returning last_number""")
                .setParameter(1, point.id).setParameter(2, day).setParameter(3, prefix).getSingleResult()).intValue();
        QueueTicket ticket = new QueueTicket();
        ticket.id = UUID.randomUUID();
        ticket.servicePointId = point.id;
        ticket.serviceDay = day;
        ticket.prefix = prefix;
        ticket.number = number;
        ticket.displayNumber = QueueNumbers.display(prefix, number);
        ticket.procedureCode = procedure.procedureCode;
        ticket.citizenName = citizenName;
        ticket.slotStart = slotStart;
        ticket.status = TicketStatus.WAITING;
        ticket.issuedAt = clock.now();
        ticket.persist();
        return ticket;
    }

    private QueueTicket requireTicket(UUID ticketId, Caller caller) {
        QueueTicket ticket = entityManager.find(QueueTicket.class, ticketId, LockModeType.PESSIMISTIC_WRITE);
        if (ticket == null || !StaffScope.manages(caller, ServicePoint.findById(ticket.servicePointId))) {
            throw new CommonProblems.NotFound("Queue ticket", ticketId.toString());
        }
        return ticket;
    }

    private static void move(QueueTicket ticket, TicketStatus target) {
        if (!ticket.status.canBecome(target)) {
            throw new QueueProblems.TicketWrongState(ticket.displayNumber, ticket.status, target);
        }
        ticket.status = target;
    }

    private static QueueDtos.TicketView view(QueueTicket ticket, ServicePoint point, Long estimate) {
        return new QueueDtos.TicketView(ticket.id.toString(), ticket.displayNumber, ticket.status, point.code,
                ticket.serviceDay, ticket.procedureCode, ticket.bookingId == null ? null : ticket.bookingId.toString(),
                ticket.citizenName, ticket.calls, ticket.counterCode, local(ticket.issuedAt), estimate, ticket.version);
    }

    private static OffsetDateTime local(OffsetDateTime time) {
        return time.atZoneSameInstant(WorkingCalendar.ZONE).toOffsetDateTime();
    }
}
