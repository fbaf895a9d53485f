package vn.motcua.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the gateway talks to in tests, all real and local: a Redis server of its own, and a fake instance (two for
 * dossier) of every service on free ports. Adds test-only upstreams and routes for the failure cases: an upstream
 * nobody listens on, one whose first instance is dead, a slow one, a failing one, and a tightly rate-limited route.
 * With the init argument {@code redis=unreachable}, Redis points at a port nobody listens on.
 */
public class GatewayTestResources implements QuarkusTestResourceLifecycleManager {

    public static final String SERVICES_PREFIX = "motcua.gateway.upstreams.";
    private final List<FakeUpstream> fakes = new ArrayList<>();
    private IdleClosingUpstream idleClosing;
    private RedisServer redis;
    private boolean redisReachable = true;

    @Override
    public void init(Map<String, String> initArgs) {
        redisReachable = !"unreachable".equals(initArgs.get("redis"));
    }

    @Override
    public Map<String, String> start() {
        try {
            Map<String, String> config = new HashMap<>();
            if (redisReachable) {
                redis = RedisServer.start();
                config.put("motcua.test.redis-url", redis.url());
            } else {
                config.put("motcua.test.redis-url", "redis://127.0.0.1:" + RedisServer.freePort());
            }
            FakeUpstream dossierA = fake("dossier", "dossier-a");
            FakeUpstream dossierB = fake("dossier", "dossier-b");
            config.put(SERVICES_PREFIX + "dossier.instances", dossierA.url() + "," + dossierB.url());
            for (String service : List.of("appointment", "payment", "postal-delivery", "notification")) {
                config.put(SERVICES_PREFIX + service + ".instances", fake(service, service + "-1").url());
            }
            for (String service : List.of("dossier", "appointment", "payment", "postal-delivery", "notification")) {
                config.put(SERVICES_PREFIX + service + ".health-interval", "500ms");
            }
            // the breaker tests open the payments route's circuit; it must not stay open for the other test classes
            config.put(SERVICES_PREFIX + "payment.circuit-breaker.failure-threshold", "3");
            config.put(SERVICES_PREFIX + "payment.circuit-breaker.open-for", "1s");
            String dead = "http://127.0.0.1:" + RedisServer.freePort();
            testUpstream(config, "unreachable", dead);
            testUpstream(config, "failover", dead + "," + fake("failover", "failover-live").url());
            testUpstream(config, "slow", fake("slow", "slow-1").url());
            testUpstream(config, "flaky", fake("flaky", "flaky-1").url());
            config.put(SERVICES_PREFIX + "flaky.circuit-breaker.failure-threshold", "3");
            config.put(SERVICES_PREFIX + "flaky.circuit-breaker.open-for", "1s");
            testUpstream(config, "echo", fake("echo", "echo-1").url());

            // closes keep-alive connections idle for 3 s; the gateway's own pool lets them go after 1 s
            idleClosing = new IdleClosingUpstream(3_000);
            testUpstream(config, "idle-closing", idleClosing.url());
            config.put(SERVICES_PREFIX + "idle-closing.health-path", "/health");
            config.put(SERVICES_PREFIX + "idle-closing.health-interval", "1h");
            config.put("motcua.gateway.proxy.keep-alive-timeout", System.getProperty("motcua.test.keep-alive-timeout", "1s"));
            config.put("motcua.test.idle-closing-url", idleClosing.url());
            testRoute(config, "test-idle-closing", "/api/v1/test/idle-closing/**", "idle-closing", "public");
            testRoute(config, "test-unreachable", "/api/v1/test/unreachable/**", "unreachable", "public");
            testRoute(config, "test-failover", "/api/v1/test/failover/**", "failover", "public");
            testRoute(config, "test-slow", "/api/v1/test/slow/**", "slow", "public");
            config.put("motcua.gateway.routes.test-slow.timeout", "400ms");
            testRoute(config, "test-flaky", "/api/v1/test/flaky/**", "flaky", "public");
            testRoute(config, "test-limited", "/api/v1/test/limited/**", "echo", "authenticated");
            config.put("motcua.gateway.routes.test-limited.rate-limit", "tight");
            testRoute(config, "test-limited-public", "/api/v1/test/limited-public/**", "echo", "public");
            config.put("motcua.gateway.routes.test-limited-public.rate-limit", "tight-ip");
            config.put("motcua.gateway.rate-limits.tight.subject-capacity", "3");
            config.put("motcua.gateway.rate-limits.tight.subject-refill-per-second", "0.1");
            config.put("motcua.gateway.rate-limits.tight.ip-capacity", "1000");
            config.put("motcua.gateway.rate-limits.tight.ip-refill-per-second", "100");
            config.put("motcua.gateway.rate-limits.tight-ip.subject-capacity", "1000");
            config.put("motcua.gateway.rate-limits.tight-ip.subject-refill-per-second", "100");
            config.put("motcua.gateway.rate-limits.tight-ip.ip-capacity", "4");
            config.put("motcua.gateway.rate-limits.tight-ip.ip-refill-per-second", "0.1");
            // every test request comes from 127.0.0.1: the default IP bucket must not be what a test runs into
            config.put("motcua.gateway.rate-limits.default.ip-capacity", "100000");
            config.put("motcua.gateway.rate-limits.default.ip-refill-per-second", "10000");
            config.put("motcua.gateway.rate-limits.default.subject-capacity", "10000");
            config.put("motcua.gateway.rate-limits.default.subject-refill-per-second", "1000");
            config.put("motcua.gateway.openapi.cache-for", "1s");
            return config;
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("cannot start the gateway's test upstreams", e);
        }
    }

    private FakeUpstream fake(String service, String instance) throws java.io.IOException {
        FakeUpstream fake = new FakeUpstream(service, instance);
        fakes.add(fake);
        return fake;
    }

    private static void testUpstream(Map<String, String> config, String name, String instances) {
        config.put(SERVICES_PREFIX + name + ".instances", instances);
        config.put(SERVICES_PREFIX + name + ".in-openapi", "false");
        config.put(SERVICES_PREFIX + name + ".health-interval", "500ms");
    }

    private static void testRoute(Map<String, String> config, String name, String path, String upstream, String roles) {
        config.put("motcua.gateway.routes." + name + ".path", path);
        config.put("motcua.gateway.routes." + name + ".upstream", upstream);
        config.put("motcua.gateway.routes." + name + ".roles", roles);
    }

    @Override
    public void stop() {
        fakes.forEach(FakeUpstream::stop);
        if (idleClosing != null) {
            try {
                idleClosing.close();
            } catch (java.io.IOException ignored) {
                // test teardown
            }
            idleClosing = null;
        }
        fakes.clear();
        if (redis != null) {
            redis.stop();
            redis = null;
        }
    }
}
