package vn.motcua.gateway.ratelimit;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import vn.motcua.gateway.config.GatewayConfig;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Token buckets per subject and per client IP, one pair per rate-limit policy, kept in Redis so that every gateway
 * instance spends from the same buckets. One Lua script checks and takes from both buckets atomically, with Redis'
 * own clock (instances' clocks may differ). When Redis fails or is slower than {@code redis-timeout}, this instance
 * falls back to {@link LocalBuckets} for {@code redis-retry-after} and then tries Redis again; the state is visible
 * in the health endpoint.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    /**
     * KEYS[1] subject bucket ('' for anonymous), KEYS[2] IP bucket; ARGV subject capacity, subject refill per ms,
     * IP capacity, IP refill per ms. Returns {allowed 0/1, milliseconds until a token, tokens left in the tighter bucket}.
     */
    static final String SCRIPT = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local function load(key, cap, rate)
              local v = redis.call('HMGET', key, 'tokens', 'ts')
              local tokens = tonumber(v[1])
              local ts = tonumber(v[2])
              if tokens == nil or ts == nil then return cap end
              return math.min(cap, tokens + math.max(0, now - ts) * rate)
            end
            local function save(key, tokens, cap, rate)
              redis.call('HSET', key, 'tokens', tostring(tokens), 'ts', tostring(now))
              redis.call('PEXPIRE', key, math.ceil(cap / rate) + 1000)
            end
            local wait = 0
            local left = -1
            local sCap = tonumber(ARGV[1]); local sRate = tonumber(ARGV[2])
            local iCap = tonumber(ARGV[3]); local iRate = tonumber(ARGV[4])
            local s = nil
            if KEYS[1] ~= '' then
              s = load(KEYS[1], sCap, sRate)
              if s < 1 then wait = math.max(wait, math.ceil((1 - s) / sRate)) end
            end
            local i = load(KEYS[2], iCap, iRate)
            if i < 1 then wait = math.max(wait, math.ceil((1 - i) / iRate)) end
            if wait == 0 then
              if s ~= nil then s = s - 1 end
              i = i - 1
            end
            if s ~= nil then save(KEYS[1], s, sCap, sRate); left = math.floor(s) end
            save(KEYS[2], i, iCap, iRate)
            if left < 0 or math.floor(i) < left then left = math.floor(i) end
            if wait == 0 then return {1, 0, left} end
            return {0, wait, left}
            """;

    private final GatewayConfig config;
    private final Redis redis;
    private final Vertx vertx;
    private final LocalBuckets local = new LocalBuckets();
    private final boolean enabled;
    private final long redisTimeoutMillis;
    private final long retryAfterNanos;
    private final String prefix;
    /** System.nanoTime() before which Redis is not asked (after a failure). Compared by difference: nanoTime may be negative. */
    private volatile long redisRetryAt = System.nanoTime();
    private final AtomicBoolean degraded = new AtomicBoolean(false);
    private volatile String lastRedisError = "";

    public RateLimiter(GatewayConfig config, Redis redis, Vertx vertx) {
        this.config = config;
        this.redis = redis;
        this.vertx = vertx;
        this.enabled = config.rateLimiting().enabled();
        this.redisTimeoutMillis = Math.max(1, config.rateLimiting().redisTimeout().toMillis());
        this.retryAfterNanos = config.rateLimiting().redisRetryAfter().toNanos();
        this.prefix = config.rateLimiting().keyPrefix();
        config.routes().forEach((name, route) -> {
            if (!config.rateLimits().containsKey(route.rateLimit())) {
                throw new IllegalArgumentException("route " + name + " names the unknown rate-limit policy " + route.rateLimit());
            }
        });
    }

    /**
     * Takes a token for this request from the subject's bucket (when there is a subject) and the IP's bucket of
     * the policy. Never fails: a Redis problem means the local buckets decide.
     */
    public Future<Decision> acquire(String policyName, String subject, String ip) {
        if (!enabled) {
            return Future.succeededFuture(new Decision(true, 0, "off"));
        }
        GatewayConfig.RateLimitPolicy policy = config.rateLimits().get(policyName);
        String subjectKey = subject == null ? null : prefix + policyName + ":sub:" + subject;
        String ipKey = prefix + policyName + ":ip:" + ip;
        if (System.nanoTime() - redisRetryAt < 0) {
            return Future.succeededFuture(locally(policy, subjectKey, ipKey));
        }
        Request script = Request.cmd(Command.EVAL).arg(SCRIPT).arg(2)
                .arg(subjectKey == null ? "" : subjectKey).arg(ipKey)
                .arg(policy.subjectCapacity()).arg(Double.toString(policy.subjectRefillPerSecond() / 1000.0))
                .arg(policy.ipCapacity()).arg(Double.toString(policy.ipRefillPerSecond() / 1000.0));
        Promise<Decision> decision = Promise.promise();
        long timer = vertx.setTimer(redisTimeoutMillis, id -> {
            if (decision.tryComplete(locally(policy, subjectKey, ipKey))) {
                redisFailed("no answer within " + redisTimeoutMillis + " ms");
            }
        });
        redis.send(script).onComplete(result -> {
            vertx.cancelTimer(timer);
            if (result.succeeded()) {
                Response reply = result.result();
                boolean allowed = reply.get(0).toInteger() == 1;
                long waitMillis = reply.get(1).toLong();
                if (decision.tryComplete(new Decision(allowed, Math.max(1, (waitMillis + 999) / 1000), "redis"))) {
                    redisRecovered();
                }
            } else if (decision.tryComplete(locally(policy, subjectKey, ipKey))) {
                redisFailed(String.valueOf(result.cause().getMessage()));
            }
        });
        return decision.future();
    }

    /**
     * Pings Redis every {@code redis-retry-after}, so that health tells the truth without traffic and a recovered
     * Redis is noticed even while requests are limited locally.
     */
    void watchRedis(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        long every = Math.max(100, config.rateLimiting().redisRetryAfter().toMillis());
        vertx.setPeriodic(every, every, id -> {
            long timer = vertx.setTimer(redisTimeoutMillis * 5, t -> redisFailed("no answer to PING"));
            redis.send(Request.cmd(Command.PING)).onComplete(result -> {
                vertx.cancelTimer(timer);
                if (result.succeeded()) {
                    redisRetryAt = System.nanoTime();
                    redisRecovered();
                } else {
                    redisFailed(String.valueOf(result.cause().getMessage()));
                }
            });
        });
    }

    /** Whether the shared buckets in Redis are in use (false while this instance limits on its own). */
    public boolean usingRedis() {
        return enabled && !degraded.get();
    }

    public boolean enabled() {
        return enabled;
    }

    public String lastRedisError() {
        return lastRedisError;
    }

    private Decision locally(GatewayConfig.RateLimitPolicy policy, String subjectKey, String ipKey) {
        long waitNanos = local.tryTake(subjectKey, policy.subjectCapacity(), policy.subjectRefillPerSecond(),
                ipKey, policy.ipCapacity(), policy.ipRefillPerSecond());
        return new Decision(waitNanos == 0, Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999)), "local");
    }

    private void redisFailed(String reason) {
        redisRetryAt = System.nanoTime() + retryAfterNanos;
        lastRedisError = reason;
        if (degraded.compareAndSet(false, true)) {
            LOG.warnf("Redis unreachable for rate limiting (%s): limiting with this instance's own buckets", reason);
        }
    }

    private void redisRecovered() {
        if (degraded.compareAndSet(true, false)) {
            LOG.info("Redis reachable again: rate limiting with the shared buckets");
        }
    }
}
