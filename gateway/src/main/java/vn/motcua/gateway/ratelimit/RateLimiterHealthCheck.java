package vn.motcua.gateway.ratelimit;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Reports where the rate-limit buckets are. DOWN while Redis is unreachable — as a wellness check, so that
 * {@code /q/health} and {@code /q/health/well} show the degradation while readiness and liveness stay UP: the
 * gateway still serves, limiting with its own buckets, and must not be taken out of rotation for it.
 */
@Wellness
@ApplicationScoped
public class RateLimiterHealthCheck implements HealthCheck {

    private final RateLimiter limiter;

    public RateLimiterHealthCheck(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public HealthCheckResponse call() {
        if (!limiter.enabled()) {
            return HealthCheckResponse.named("rate-limiter").up().withData("store", "off").build();
        }
        if (limiter.usingRedis()) {
            return HealthCheckResponse.named("rate-limiter").up().withData("store", "redis").build();
        }
        return HealthCheckResponse.named("rate-limiter").down()
                .withData("store", "local (Redis unreachable: limits are per gateway instance)")
                .withData("error", limiter.lastRedisError())
                .build();
    }
}
