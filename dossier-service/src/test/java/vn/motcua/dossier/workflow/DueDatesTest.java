package vn.motcua.dossier.workflow;

import org.junit.jupiter.api.Test;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.common.DossierConfig.SupplementClock;
import vn.motcua.dossier.common.Texts;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DueDatesTest {

    static final ZoneOffset VN = ZoneOffset.ofHours(7);
    final DueDates dueDates = new DueDates(WorkingCalendar.vietnam(), LocalTime.of(17, 0));

    static OffsetDateTime at(int y, int m, int d, int h) {
        return OffsetDateTime.of(y, m, d, h, 0, 0, 0, VN);
    }

    static OffsetDateTime due(int y, int m, int d) {
        return at(y, m, d, 17);
    }

    @Test
    void friday_plus_one_working_day_is_monday_at_five() {
        assertThat(dueDates.dueAt(at(2026, 11, 20, 9), 1)).isEqualTo(due(2026, 11, 23));
    }

    @Test
    void zero_days_is_the_same_working_day() {
        assertThat(dueDates.dueAt(at(2026, 11, 23, 9), 0)).isEqualTo(due(2026, 11, 23));
    }

    @Test
    void received_on_a_weekend_counts_from_the_next_working_day() {
        assertThat(dueDates.dueAt(at(2026, 11, 21, 10), 1)).isEqualTo(due(2026, 11, 24));
        assertThat(dueDates.dueAt(at(2026, 11, 22, 10), 0)).isEqualTo(due(2026, 11, 23));
    }

    @Test
    void the_time_zone_decides_the_day() {
        // 20:00 UTC on Friday is 03:00 on Saturday in Hà Nội: a weekend reception
        assertThat(dueDates.dueAt(OffsetDateTime.of(2026, 11, 20, 20, 0, 0, 0, ZoneOffset.UTC), 1)).isEqualTo(due(2026, 11, 24));
    }

    @Test
    void tet_2026_is_skipped_across_two_weeks() {
        // Tết Bính Ngọ: 16–20 February 2026 (Monday to Friday) plus the weekends around it
        assertThat(dueDates.dueAt(at(2026, 2, 13, 9), 1)).isEqualTo(due(2026, 2, 23));
        assertThat(dueDates.dueAt(at(2026, 2, 10, 9), 10)).isEqualTo(due(2026, 3, 3));
        assertThat(dueDates.dueAt(at(2026, 2, 18, 9), 1)).isEqualTo(due(2026, 2, 24));
    }

    @Test
    void reunification_day_and_labour_day() {
        // 30 April (Thu) and 1 May (Fri) 2026 are holidays
        assertThat(dueDates.dueAt(at(2026, 4, 29, 9), 2)).isEqualTo(due(2026, 5, 5));
    }

    @Test
    void extra_holidays_from_configuration_count() {
        DueDates local = new DueDates(WorkingCalendar.vietnam().withHolidays(Map.of(LocalDate.of(2026, 11, 24), "local closure")),
                LocalTime.of(17, 0));
        assertThat(local.dueAt(at(2026, 11, 23, 9), 1)).isEqualTo(due(2026, 11, 25));
    }

    @Test
    void supplement_pause_moves_the_due_date_by_the_working_days_taken() {
        // due Wed 25 Nov; asked Mon 23, completed Thu 26: 3 working days paused → Mon 30 Nov
        assertThat(dueDates.afterSupplement(due(2026, 11, 25), at(2026, 11, 23, 10), at(2026, 11, 26, 15), 2,
                SupplementClock.PAUSE)).isEqualTo(due(2026, 11, 30));
        // completed the same day: nothing paused
        assertThat(dueDates.afterSupplement(due(2026, 11, 25), at(2026, 11, 23, 10), at(2026, 11, 23, 16), 2,
                SupplementClock.PAUSE)).isEqualTo(due(2026, 11, 25));
    }

    @Test
    void supplement_pause_over_tet_counts_only_working_days() {
        // asked Fri 13 Feb 2026, completed Mon 23 Feb: one working day paused (the 23rd)
        assertThat(dueDates.afterSupplement(due(2026, 2, 24), at(2026, 2, 13, 10), at(2026, 2, 23, 9), 5,
                SupplementClock.PAUSE)).isEqualTo(due(2026, 2, 25));
    }

    @Test
    void supplement_restart_counts_again_from_resubmission() {
        assertThat(dueDates.afterSupplement(due(2026, 11, 25), at(2026, 11, 23, 10), at(2026, 11, 26, 15), 1,
                SupplementClock.RESTART)).isEqualTo(due(2026, 11, 27));
    }

    @Test
    void early_on_time_late() {
        OffsetDateTime dueAt = due(2026, 11, 25);
        assertThat(dueDates.timeliness(dueAt, at(2026, 11, 24, 16))).isEqualTo(DueDates.Timeliness.EARLY);
        assertThat(dueDates.timeliness(dueAt, at(2026, 11, 25, 9))).isEqualTo(DueDates.Timeliness.ON_TIME);
        assertThat(dueDates.timeliness(dueAt, at(2026, 11, 25, 17))).isEqualTo(DueDates.Timeliness.ON_TIME);
        assertThat(dueDates.timeliness(dueAt, at(2026, 11, 25, 18))).isEqualTo(DueDates.Timeliness.LATE);
        assertThat(dueDates.timeliness(dueAt, at(2026, 11, 26, 8))).isEqualTo(DueDates.Timeliness.LATE);
    }

    @Test
    void search_text_and_phone_rules() {
        assertThat(Texts.searchable("Đăng ký  khai sinh")).isEqualTo("dang ky khai sinh");
        assertThat(Texts.searchable("Cấp Phiếu lý lịch tư pháp")).isEqualTo("cap phieu ly lich tu phap");
        assertThat(Texts.searchable("ĐỒNG Ý")).isEqualTo("dong y");
        assertThat(Texts.phoneKey("+84 912 345 678")).isEqualTo("0912345678");
        assertThat(Texts.phoneKey("0912.345.678")).isEqualTo("0912345678");
    }
}
