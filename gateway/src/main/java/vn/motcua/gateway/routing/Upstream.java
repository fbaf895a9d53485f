package vn.motcua.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An upstream service: its instances, chosen round-robin among the healthy ones, and its circuit breaker.
 */
public final class Upstream {

    private final String name;
    private final List<Instance> instances;
    private final CircuitBreaker circuitBreaker;
    private final AtomicInteger next = new AtomicInteger();

    public Upstream(String name, List<Instance> instances, CircuitBreaker circuitBreaker) {
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("upstream " + name + " has no instances");
        }
        this.name = name;
        this.instances = List.copyOf(instances);
        this.circuitBreaker = circuitBreaker;
    }

    public String name() {
        return name;
    }

    public List<Instance> instances() {
        return instances;
    }

    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
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
