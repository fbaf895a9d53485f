package vn.motcua.gateway.ratelimit;

/**
 * @param allowed           whether the request may go on
 * @param retryAfterSeconds when refused, whole seconds until a token is available (at least 1)
 * @param store             where the buckets were: {@code redis}, {@code local} (Redis unreachable) or {@code off}
 */
public record Decision(boolean allowed, long retryAfterSeconds, String store) {
}
