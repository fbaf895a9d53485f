package vn.motcua.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void a_full_bucket_gives_its_capacity_then_refuses_with_the_wait() {
        TokenBucket bucket = new TokenBucket(3, 2, 0);
        for (int i = 0; i < 3; i++) {
            assertThat(TokenBucket.tryTakeAll(0, bucket)).isZero();
        }
        assertThat(TokenBucket.tryTakeAll(0, bucket)).isEqualTo(SECOND / 2);
    }

    @Test
    void tokens_come_back_at_the_refill_rate_up_to_the_capacity() {
        TokenBucket bucket = new TokenBucket(2, 1, 0);
        TokenBucket.tryTakeAll(0, bucket);
        TokenBucket.tryTakeAll(0, bucket);
        assertThat(TokenBucket.tryTakeAll(SECOND / 2, bucket)).isEqualTo(SECOND / 2);
        assertThat(TokenBucket.tryTakeAll(SECOND, bucket)).isZero();
        assertThat(bucket.tokens(100 * SECOND)).isEqualTo(2.0);
        assertThat(bucket.isFull(100 * SECOND)).isTrue();
    }

    @Test
    void a_refusal_by_one_bucket_spends_nothing_from_the_other() {
        TokenBucket subject = new TokenBucket(5, 1, 0);
        TokenBucket ip = new TokenBucket(1, 1, 0);
        assertThat(TokenBucket.tryTakeAll(0, subject, ip)).isZero();
        assertThat(TokenBucket.tryTakeAll(0, subject, ip)).isPositive();
        assertThat(subject.tokens(0)).isEqualTo(4.0);
    }

    @Test
    void an_absent_subject_bucket_is_skipped() {
        TokenBucket ip = new TokenBucket(1, 1, 0);
        assertThat(TokenBucket.tryTakeAll(0, null, ip)).isZero();
        assertThat(TokenBucket.tryTakeAll(0, null, ip)).isPositive();
    }
}
