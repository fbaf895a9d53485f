package vn.motcua.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's whole behaviour in configuration: upstream services and their instances, THE route table (path
 * pattern, methods, upstream, roles, limits), rate-limit policies and proxy settings.
 */
@ConfigMapping(prefix = "motcua.gateway")
public interface GatewayConfig {

    /** Upstream services by name ({@code dossier}, {@code payment}, ...). */
    Map<String, UpstreamConfig> upstreams();

    /** The route table, by route name. The most specific matching pattern wins, so the order does not matter. */
    Map<String, RouteConfig> routes();

    /** Rate-limit policies by name; every route uses one ({@code default} unless it names another). */
    Map<String, RateLimitPolicy> rateLimits();

    RateLimiting rateLimiting();

    Proxy proxy();

    OpenApi openapi();

    AccessLog accessLog();

    interface UpstreamConfig {
        /** Base URLs of the instances, e.g. {@code http://10.0.0.5:8081,http://10.0.0.6:8081}. */
        List<String> instances();

        @WithDefault("/q/health/ready")
        String healthPath();

        /**
         * Added to an instance's port to reach its health path: a service with a management interface serves health
         * there (port plan: HTTP port + 1000), not on its HTTP port. 0 = the instance's own port.
         */
        @WithDefault("0")
        int managementPortOffset();

        @WithDefault("5s")
        Duration healthInterval();

        /** Where the service serves its OpenAPI document, for the merged one. */
        @WithDefault("/q/openapi?format=json")
        String openapiPath();

        /** Whether the service's document belongs in the merged OpenAPI. */
        @WithDefault("true")
        boolean inOpenapi();

        CircuitBreakerConfig circuitBreaker();
    }

    interface CircuitBreakerConfig {
        /** Consecutive failures (connection errors, timeouts, 5xx answers) that open the circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit refuses before one trial request is let through. */
        @WithDefault("10s")
        Duration openFor();
    }

    interface RouteConfig {
        /** {@code /api/v1/dossiers/**}, {@code /api/v1/dossiers/{id}/documents/**}. */
        String path();

        /** Empty = every method. */
        Optional<List<String>> methods();

        String upstream();

        /** Roles of which the caller needs one; {@code public} = no token needed, {@code authenticated} = any token. */
        List<String> roles();

        /** Longest wait for the upstream's response head once the request has been sent. */
        @WithDefault("30s")
        Duration timeout();

        /** Defaults to {@code motcua.gateway.proxy.max-body-size}. */
        @WithConverter(MemorySizeConverter.class)
        Optional<MemorySize> maxBodySize();

        @WithDefault("default")
        String rateLimit();
    }

    interface RateLimitPolicy {
        /** Burst size of a subject's bucket. */
        @WithDefault("120")
        long subjectCapacity();

        @WithDefault("20")
        double subjectRefillPerSecond();

        /** Burst size of a client IP's bucket. */
        @WithDefault("600")
        long ipCapacity();

        @WithDefault("100")
        double ipRefillPerSecond();
    }

    interface RateLimiting {
        @WithDefault("true")
        boolean enabled();

        /** A Redis answer slower than this counts as Redis being down (the request is limited locally). */
        @WithDefault("200ms")
        Duration redisTimeout();

        /** After a Redis failure, local buckets are used for this long before Redis is tried again. */
        @WithDefault("5s")
        Duration redisRetryAfter();

        @WithDefault("motcua:ratelimit:")
        String keyPrefix();
    }

    interface Proxy {
        @WithDefault("2s")
        Duration connectTimeout();

        /** Body limit of routes that name none. */
        @WithDefault("1M")
        @WithConverter(MemorySizeConverter.class)
        MemorySize maxBodySize();

        @WithDefault("200")
        int maxConnectionsPerInstance();

        /**
         * A pooled keep-alive connection to a service unused for this long is closed by the gateway. It must be shorter
         * than the idle timeout of everything that may close it from the other side (the services'
         * {@code quarkus.http.idle-timeout}, 30 min by default; a balancer or sidecar between them, often 60 s;
         * the JDK test servers' 30 s), so that the gateway, not the service, ends an idle connection: a connection
         * the service closes just as the gateway reuses it fails the request sent on it.
         */
        @WithDefault("15s")
        Duration keepAliveTimeout();

        /** A stream (request or response body) idle for this long is cut. */
        @WithDefault("120s")
        Duration idleTimeout();

        /**
         * Load balancers in front of the gateway (CIDR blocks or addresses) whose {@code X-Forwarded-For} is believed
         * when they are the TCP peer; none by default, so the peer is the client.
         */
        Optional<List<String>> trustedProxies();
    }

    interface OpenApi {
        /** How long the merged document is reused before the services' documents are fetched again. */
        @WithDefault("30s")
        Duration cacheFor();

        @WithDefault("5s")
        Duration fetchTimeout();
    }

    interface AccessLog {
        @WithDefault("true")
        boolean enabled();

        /** Path prefixes not logged (probes and scrapes). */
        @WithDefault("/q/health,/q/metrics")
        List<String> excludedPaths();
    }
}
