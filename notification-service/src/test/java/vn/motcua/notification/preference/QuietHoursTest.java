package vn.motcua.notification.preference;

import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursTest {

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private final QuietHours night = new QuietHours(true, LocalTime.of(21, 0), LocalTime.of(7, 0), VN);

    @Test
    void a_window_across_midnight_holds_sms_until_morning() {
        OffsetDateTime evening = OffsetDateTime.parse("2026-11-23T22:15:00+07:00");
        assertThat(night.contains(evening)).isTrue();
        assertThat(night.earliestSend(evening)).isEqualTo(OffsetDateTime.parse("2026-11-24T07:00:00+07:00"));
        OffsetDateTime early = OffsetDateTime.parse("2026-11-24T05:30:00+07:00");
        assertThat(night.earliestSend(early)).isEqualTo(OffsetDateTime.parse("2026-11-24T07:00:00+07:00"));
        // the same instant written in UTC is judged in Vietnam's time
        assertThat(night.contains(OffsetDateTime.parse("2026-11-23T15:30:00Z"))).isTrue();
    }

    @Test
    void daytime_and_the_edges() {
        OffsetDateTime noon = OffsetDateTime.parse("2026-11-23T12:00:00+07:00");
        assertThat(night.contains(noon)).isFalse();
        assertThat(night.earliestSend(noon)).isEqualTo(noon);
        assertThat(night.contains(OffsetDateTime.parse("2026-11-23T21:00:00+07:00"))).isTrue();
        assertThat(night.contains(OffsetDateTime.parse("2026-11-24T07:00:00+07:00"))).isFalse();
        assertThat(night.contains(OffsetDateTime.parse("2026-11-23T20:59:59+07:00"))).isFalse();
    }

    @Test
    void a_same_day_window_and_a_disabled_one() {
        QuietHours lunch = new QuietHours(true, LocalTime.of(11, 30), LocalTime.of(13, 0), VN);
        assertThat(lunch.earliestSend(OffsetDateTime.parse("2026-11-23T12:00:00+07:00")))
                .isEqualTo(OffsetDateTime.parse("2026-11-23T13:00:00+07:00"));
        assertThat(lunch.contains(OffsetDateTime.parse("2026-11-23T14:00:00+07:00"))).isFalse();
        QuietHours off = new QuietHours(false, LocalTime.of(21, 0), LocalTime.of(7, 0), VN);
        assertThat(off.contains(OffsetDateTime.parse("2026-11-23T23:00:00+07:00"))).isFalse();
    }
}
