package vn.motcua.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * An upstream service: its instances, chosen round-robin among the healthy ones, and one circuit breaker per route
 * to it. Per route, not per service: a route that fails (or that a client makes fail) must not pause the service's
 * other routes, and above all not the payment providers' callbacks.
 */
public final class Upstream {

    private final String name;
    private final List<Instance> instances;
    private final Supplier<CircuitBreaker> newBreaker;
    private final Map<String, CircuitBreaker> breakersByRoute = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();

    public Upstream(String name, List<Instance> instances, Supplier<CircuitBreaker> newBreaker) {
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("upstream " + name + " has no instances");
        }
        this.name = name;
        this.instances = List.copyOf(instances);
        this.newBreaker = newBreaker;
    }

    public String name() {
        return name;
    }

    public List<Instance> instances() {
        return instances;
    }

    /** The breaker of one route to this upstream (made on first use, with the upstream's settings). */
    public CircuitBreaker circuitBreaker(String route) {
        return breakersByRoute.computeIfAbsent(route, r -> newBreaker.get());
    }

    /**
     * The next instance to try, round-robin, skipping those already tried for this request. Healthy instances come
     * first; when none is left, an unhealthy one is tried anyway (its mark may be stale), so the answer is null only
     * when every instance has been tried.
     */
    public Instance choose(Set<Instance> tried) {
        int size = instances.size();
        int start = Math.floorMod(next.getAndIncrement(), size);
        Instance fallback = null;
        for (int i = 0; i < size; i++) {
            Instance candidate = instances.get((start + i) % size);
            if (tried.contains(candidate)) {
                continue;
            }
            if (candidate.isHealthy()) {
                return candidate;
            }
            if (fallback == null) {
                fallback = candidate;
            }
        }
        return fallback;
    }

    public long healthyCount() {
        return instances.stream().filter(Instance::isHealthy).count();
    }

    /** One instance of an upstream; its health is set by the active checks and by failed connections. */
    public static final class Instance {
        private final URI baseUri;
        private final String host;
        private final int port;
        private final boolean ssl;
        private volatile boolean healthy = true;

        public Instance(String baseUrl) {
            this.baseUri = URI.create(baseUrl.trim());
            String scheme = baseUri.getScheme();
            if (!"http".equals(scheme) && !"https".equals(scheme)) {
                throw new IllegalArgumentException("an upstream instance must be an http(s) URL: " + baseUrl);
            }
            if (baseUri.getHost() == null) {
                throw new IllegalArgumentException("an upstream instance needs a host: " + baseUrl);
            }
            this.host = baseUri.getHost();
            this.ssl = "https".equals(scheme);
            this.port = baseUri.getPort() > 0 ? baseUri.getPort() : (ssl ? 443 : 80);
        }

        public String host() {
            return host;
        }

        public int port() {
            return port;
        }

        public boolean ssl() {
            return ssl;
        }

        public boolean isHealthy() {
            return healthy;
        }

        public void markHealthy(boolean healthy) {
            this.healthy = healthy;
        }

        @Override
        public String toString() {
            return (ssl ? "https://" : "http://") + host + ":" + port;
        }
    }
}
