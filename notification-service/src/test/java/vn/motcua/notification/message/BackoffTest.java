package vn.motcua.notification.message;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(10), 6);

    @Test
    void the_wait_doubles_from_the_initial_delay_up_to_the_cap() {
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(backoff.delayAfter(5)).isEqualTo(Duration.ofSeconds(480));
        assertThat(backoff.delayAfter(6)).isEqualTo(Duration.ofMinutes(10));
        assertThat(backoff.delayAfter(1_000)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void attempts_are_bounded() {
        OffsetDateTime now = OffsetDateTime.parse("2026-11-23T10:00:00+07:00");
        assertThat(backoff.nextAttempt(1, now)).contains(now.plusSeconds(30));
        assertThat(backoff.nextAttempt(5, now)).contains(now.plusSeconds(480));
        assertThat(backoff.nextAttempt(6, now)).isEmpty();
        assertThat(new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1), 1).nextAttempt(1, now)).isEmpty();
    }

    @Test
    void nonsense_settings_are_refused() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
