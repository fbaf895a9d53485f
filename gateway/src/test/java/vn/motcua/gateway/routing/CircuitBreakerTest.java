package vn.motcua.gateway.routing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong();
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10), now::get);

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            assertThat(breaker.tryAcquire()).isTrue();
            breaker.recordFailure();
        }
    }

    @Test
    void closed_until_the_threshold_of_consecutive_failures() {
        fail(2);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        fail(1);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
        assertThat(breaker.secondsUntilTrial()).isEqualTo(10);
    }

    @Test
    void a_success_resets_the_count() {
        fail(2);
        breaker.tryAcquire();
        breaker.recordSuccess();
        fail(2);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void after_the_open_period_one_trial_goes_through_and_its_success_closes() {
        fail(3);
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.tryAcquire()).as("only one trial at a time").isFalse();
        breaker.recordSuccess();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void a_failed_trial_opens_again_for_a_full_period() {
        fail(3);
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.recordFailure();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        now.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(breaker.tryAcquire()).isFalse();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(breaker.tryAcquire()).isTrue();
    }

    @Test
    void an_ignored_trial_frees_the_slot() {
        fail(3);
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.recordIgnored();
        assertThat(breaker.tryAcquire()).isTrue();
    }
}
