package vn.motcua.gateway.ratelimit;

import java.util.concurrent.ConcurrentHashMap;

/**
 * This gateway instance's own buckets, used while Redis is unreachable. With N instances the effective limit is
 * up to N times the configured one during an outage — the price of staying available. Idle (full) buckets are
 * swept so the map does not grow with every IP ever seen.
 */
final class LocalBuckets {

    private static final int SWEEP_ABOVE = 50_000;
    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    long tryTake(String subjectKey, long subjectCapacity, double subjectRate, String ipKey, long ipCapacity, double ipRate) {
        long now = System.nanoTime();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.entrySet().removeIf(e -> e.getValue().isFull(now));
        }
        TokenBucket subject = subjectKey == null ? null
                : buckets.computeIfAbsent(subjectKey, k -> new TokenBucket(subjectCapacity, subjectRate, now));
        TokenBucket ip = buckets.computeIfAbsent(ipKey, k -> new TokenBucket(ipCapacity, ipRate, now));
        return TokenBucket.tryTakeAll(now, subject, ip);
    }
}
