package vn.motcua.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingCalendarTest {

    private final WorkingCalendar calendar = WorkingCalendar.vietnam();

    @Test
    void weekends_and_holidays_are_not_working_days() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 23))).isTrue();   // Monday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 21))).isFalse();  // Saturday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 2))).isFalse();    // National Day
        assertThat(calendar.holidayName(LocalDate.of(2026, 2, 17))).contains("Tết Nguyên Đán");
    }

    @Test
    void friday_plus_one_working_day_is_monday() {
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 11, 20), 1)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 11, 20), 0)).isEqualTo(LocalDate.of(2026, 11, 20));
    }

    @Test
    void tet_spanning_two_weeks_is_skipped() {
        // received Thursday 12 Feb 2026; Tết closes 16–20 Feb; 5 working days: 13, 23, 24, 25, 26 Feb
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 2, 12), 5)).isEqualTo(LocalDate.of(2026, 2, 26));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 2, 12), LocalDate.of(2026, 2, 26))).isEqualTo(5);
    }

    @Test
    void extra_closures_can_be_added() {
        WorkingCalendar closed = calendar.withHolidays(Map.of(LocalDate.of(2026, 11, 23), "Đóng cửa do dịch"));
        assertThat(closed.plusWorkingDays(LocalDate.of(2026, 11, 20), 1)).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(closed.nextWorkingDayFrom(LocalDate.of(2026, 11, 21))).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThatThrownBy(() -> calendar.plusWorkingDays(LocalDate.of(2026, 1, 1), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
