package vn.motcua.payment.notification;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class SampleBudgetTest {

    @Test
    void admits_at_most_the_budget_per_minute_then_starts_again() {
        AtomicLong millis = new AtomicLong(1_700_000_000_000L - 1_700_000_000_000L % 60_000);
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(millis.get());
            }
        };
        SampleBudget budget = new SampleBudget(clock);
        int admitted = 0;
        for (int i = 0; i < 100; i++) {
            admitted += budget.take(30) ? 1 : 0;
        }
        assertThat(admitted).isEqualTo(30);
        millis.addAndGet(59_999);
        assertThat(budget.take(30)).isFalse();
        millis.addAndGet(1);
        assertThat(budget.take(30)).isTrue();
    }
}
