package vn.motcua.appointment.servicepoint;

import vn.motcua.calendar.WorkingCalendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * When a service point receives people: weekly hours with an optional break, minus national public holidays
 * (WorkingCalendar) and local closures. Cuts a day into slots of a procedure's length. Plain Java, no framework.
 */
public final class OpeningSchedule {

    /** Hours of one weekday; {@code breakStarts}/{@code breakEnds} both null when there is no break. */
    public record DayHours(DayOfWeek day, LocalTime opens, LocalTime closes, LocalTime breakStarts, LocalTime breakEnds) {
        public DayHours {
            Objects.requireNonNull(day);
            if (!opens.isBefore(closes)) {
                throw new IllegalArgumentException("opens must be before closes");
            }
            if ((breakStarts == null) != (breakEnds == null)) {
                throw new IllegalArgumentException("a break needs both a start and an end");
            }
            if (breakStarts != null && !(opens.isBefore(breakStarts) && breakStarts.isBefore(breakEnds)
                    && breakEnds.isBefore(closes))) {
                throw new IllegalArgumentException("the break must lie inside the opening hours");
            }
        }
    }

    /** A local closure, days inclusive. */
    public record Closure(LocalDate firstDay, LocalDate lastDay, String reason) {
        boolean covers(LocalDate date) {
            return !date.isBefore(firstDay) && !date.isAfter(lastDay);
        }
    }

    /** One slot of a day, local times. */
    public record SlotTime(LocalTime start, LocalTime end) {
    }

    private final WorkingCalendar calendar;
    private final Map<DayOfWeek, DayHours> week;
    private final List<Closure> closures;

    public OpeningSchedule(WorkingCalendar calendar, Map<DayOfWeek, DayHours> week, List<Closure> closures) {
        this.calendar = calendar;
        this.week = Map.copyOf(week);
        this.closures = List.copyOf(closures);
    }

    /** Why the point does not receive on {@code date}, or empty when it is open. */
    public Optional<String> closedReason(LocalDate date) {
        Optional<String> holiday = calendar.holidayName(date);
        if (holiday.isPresent()) {
            return Optional.of("public holiday: " + (holiday.get().isBlank() ? date : holiday.get()));
        }
        for (Closure closure : closures) {
            if (closure.covers(date)) {
                return Optional.of("closed: " + closure.reason());
            }
        }
        if (!week.containsKey(date.getDayOfWeek())) {
            return Optional.of("not open on " + date.getDayOfWeek().toString().toLowerCase());
        }
        return Optional.empty();
    }

    /**
     * Slots of {@code slotMinutes} from opening time, skipping the break: a slot never straddles the break or
     * closing time. Empty on a closed day.
     */
    public List<SlotTime> slotsOn(LocalDate date, int slotMinutes) {
        if (slotMinutes <= 0) {
            throw new IllegalArgumentException("slotMinutes must be positive");
        }
        if (closedReason(date).isPresent()) {
            return List.of();
        }
        DayHours hours = week.get(date.getDayOfWeek());
        List<SlotTime> slots = new ArrayList<>();
        if (hours.breakStarts() == null) {
            cut(hours.opens(), hours.closes(), slotMinutes, slots);
        } else {
            cut(hours.opens(), hours.breakStarts(), slotMinutes, slots);
            cut(hours.breakEnds(), hours.closes(), slotMinutes, slots);
        }
        return slots;
    }

    /** The slot starting exactly at {@code start} on {@code date}, if the grid has one. */
    public Optional<SlotTime> slotStartingAt(LocalDate date, LocalTime start, int slotMinutes) {
        return slotsOn(date, slotMinutes).stream().filter(s -> s.start().equals(start)).findFirst();
    }

    private static void cut(LocalTime from, LocalTime to, int minutes, List<SlotTime> into) {
        LocalTime start = from;
        // compare in minutes of the day: LocalTime wraps at midnight
        while (start.toSecondOfDay() + minutes * 60 <= to.toSecondOfDay()) {
            LocalTime end = start.plusMinutes(minutes);
            into.add(new SlotTime(start, end));
            start = end;
            if (start.toSecondOfDay() == 0) {
                break;
            }
        }
    }
}
