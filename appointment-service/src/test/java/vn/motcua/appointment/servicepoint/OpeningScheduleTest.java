package vn.motcua.appointment.servicepoint;

import org.junit.jupiter.api.Test;
import vn.motcua.calendar.WorkingCalendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpeningScheduleTest {

    private static final LocalTime T8 = LocalTime.of(8, 0);
    private static final LocalTime T17 = LocalTime.of(17, 0);
    private static final LocalTime T12 = LocalTime.of(12, 0);
    private static final LocalTime T1330 = LocalTime.of(13, 30);
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final LocalDate TET = LocalDate.of(2027, 2, 8);

    private static OpeningSchedule weekdays(List<OpeningSchedule.Closure> closures) {
        Map<DayOfWeek, OpeningSchedule.DayHours> week = new java.util.EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY, DayOfWeek.SATURDAY)) {
            week.put(day, day == DayOfWeek.SATURDAY
                    ? new OpeningSchedule.DayHours(day, T8, LocalTime.of(11, 30), null, null)
                    : new OpeningSchedule.DayHours(day, T8, T17, T12, T1330));
        }
        return new OpeningSchedule(WorkingCalendar.vietnam(), week, closures);
    }

    @Test
    void a_day_is_cut_into_slots_that_skip_the_break_and_end_by_closing_time() {
        List<OpeningSchedule.SlotTime> slots = weekdays(List.of()).slotsOn(MONDAY, 30);
        assertThat(slots).hasSize(8 + 7);
        assertThat(slots.get(0)).isEqualTo(new OpeningSchedule.SlotTime(T8, LocalTime.of(8, 30)));
        assertThat(slots.get(7)).isEqualTo(new OpeningSchedule.SlotTime(LocalTime.of(11, 30), T12));
        assertThat(slots.get(8)).isEqualTo(new OpeningSchedule.SlotTime(T1330, LocalTime.of(14, 0)));
        assertThat(slots.get(14).end()).isEqualTo(T17);
    }

    @Test
    void a_slot_length_that_does_not_divide_the_hours_leaves_the_rest_unused() {
        List<OpeningSchedule.SlotTime> slots = weekdays(List.of()).slotsOn(MONDAY, 45);
        // 08:00–12:00 holds 5 slots of 45 min (till 11:45); 13:30–17:00 holds 4 (till 16:30)
        assertThat(slots).hasSize(9);
        assertThat(slots).allSatisfy(s -> assertThat(s.start().isBefore(T12) ? !s.end().isAfter(T12) : !s.start().isBefore(T1330)).isTrue());
        assertThat(slots.get(8).end()).isEqualTo(LocalTime.of(16, 30));
    }

    @Test
    void public_holidays_including_tet_are_closed() {
        OpeningSchedule schedule = weekdays(List.of());
        assertThat(schedule.closedReason(TET)).hasValueSatisfying(r -> assertThat(r).startsWith("public holiday"));
        assertThat(schedule.slotsOn(TET, 30)).isEmpty();
        assertThat(schedule.closedReason(LocalDate.of(2027, 1, 1))).isPresent();
    }

    @Test
    void a_day_without_hours_is_closed_and_saturday_opens_only_when_configured() {
        OpeningSchedule schedule = weekdays(List.of());
        assertThat(schedule.closedReason(MONDAY.plusDays(6))).hasValueSatisfying(r -> assertThat(r).contains("sunday"));
        assertThat(schedule.slotsOn(MONDAY.plusDays(5), 30)).hasSize(7);
    }

    @Test
    void a_local_closure_closes_every_day_it_covers_and_no_other() {
        OpeningSchedule schedule = weekdays(List.of(new OpeningSchedule.Closure(MONDAY.plusDays(1), MONDAY.plusDays(2), "Sửa chữa trụ sở")));
        assertThat(schedule.closedReason(MONDAY)).isEmpty();
        assertThat(schedule.closedReason(MONDAY.plusDays(1))).hasValue("closed: Sửa chữa trụ sở");
        assertThat(schedule.closedReason(MONDAY.plusDays(2))).isPresent();
        assertThat(schedule.closedReason(MONDAY.plusDays(3))).isEmpty();
    }

    @Test
    void only_exact_slot_starts_are_slots() {
        OpeningSchedule schedule = weekdays(List.of());
        assertThat(schedule.slotStartingAt(MONDAY, LocalTime.of(8, 30), 30)).isPresent();
        assertThat(schedule.slotStartingAt(MONDAY, LocalTime.of(8, 15), 30)).isEmpty();
        assertThat(schedule.slotStartingAt(MONDAY, LocalTime.of(12, 0), 30)).isEmpty();
        assertThat(schedule.slotStartingAt(MONDAY, LocalTime.of(7, 30), 30)).isEmpty();
        assertThat(schedule.slotStartingAt(MONDAY, LocalTime.of(17, 0), 30)).isEmpty();
    }

    @Test
    void inconsistent_hours_are_refused() {
        assertThatThrownBy(() -> new OpeningSchedule.DayHours(DayOfWeek.MONDAY, T17, T8, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpeningSchedule.DayHours(DayOfWeek.MONDAY, T8, T17, T12, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpeningSchedule.DayHours(DayOfWeek.MONDAY, T8, T12, LocalTime.of(11, 0), T1330))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
