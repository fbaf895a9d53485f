package vn.motcua.gateway.ratelimit;

/**
 * A token bucket: holds up to {@code capacity} tokens, refilled continuously at {@code refillPerSecond}; a request
 * takes one. The same arithmetic as the Redis script, for the local fallback. Plain Java, time passed in.
 */
public final class TokenBucket {

    private final double capacity;
    private final double refillPerNano;
    private double tokens;
    private long updatedAt;

    public TokenBucket(long capacity, double refillPerSecond, long nowNanos) {
        if (capacity < 1 || refillPerSecond <= 0) {
            throw new IllegalArgumentException("a bucket needs capacity >= 1 and a positive refill rate");
        }
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / 1e9;
        this.tokens = capacity;
        this.updatedAt = nowNanos;
    }

    /** Refills, then reports how long until a token is available: 0 = one is there now (not taken). */
    public synchronized long nanosUntilToken(long nowNanos) {
        refill(nowNanos);
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / refillPerNano);
    }

    public synchronized void take() {
        tokens -= 1;
    }

    public synchronized double tokens(long nowNanos) {
        refill(nowNanos);
        return tokens;
    }

    /** Whether the bucket is full again, i.e. holds no information worth keeping. */
    public synchronized boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - updatedAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * refillPerNano);
            updatedAt = nowNanos;
        }
    }

    /**
     * Takes one token from each bucket only if every bucket has one (so a refusal by the IP bucket does not
     * also spend the subject's token). Returns 0 when taken, else the nanos until all could give one.
     */
    public static long tryTakeAll(long nowNanos, TokenBucket... buckets) {
        long wait = 0;
        for (TokenBucket bucket : buckets) {
            if (bucket != null) {
                wait = Math.max(wait, bucket.nanosUntilToken(nowNanos));
            }
        }
        if (wait == 0) {
            for (TokenBucket bucket : buckets) {
                if (bucket != null) {
                    bucket.take();
                }
            }
        }
        return wait;
    }
}
