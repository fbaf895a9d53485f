package vn.motcua.gateway.routing;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import vn.motcua.gateway.config.GatewayConfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The upstream services from configuration, the one HTTP client the proxy uses to reach them, and the active
 * health checks that mark instances up and down.
 */
@ApplicationScoped
public class Upstreams {

    private static final Logger LOG = Logger.getLogger(Upstreams.class);

    private final GatewayConfig config;
    private final Vertx vertx;
    private final Map<String, Upstream> byName = new LinkedHashMap<>();
    private final List<Long> timers = new ArrayList<>();
    private HttpClient client;

    public Upstreams(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
        config.upstreams().forEach((name, upstream) -> {
            List<Upstream.Instance> instances = upstream.instances().stream()
                    .flatMap(value -> Arrays.stream(value.split(",")))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .map(Upstream.Instance::new)
                    .toList();
            GatewayConfig.CircuitBreakerConfig breaker = upstream.circuitBreaker();
            byName.put(name, new Upstream(name, instances,
                    () -> new CircuitBreaker(breaker.failureThreshold(), breaker.openFor())));
        });
    }

    void start(@Observes StartupEvent event) {
        client();
        config.upstreams().forEach((name, upstream) -> {
            Upstream target = byName.get(name);
            long interval = Math.max(100, upstream.healthInterval().toMillis());
            timers.add(vertx.setPeriodic(0, interval, id -> target.instances()
                    .forEach(instance -> check(name, instance, upstream.healthPath(), upstream.managementPortOffset()))));
        });
    }

    void stop(@Observes ShutdownEvent event) {
        timers.forEach(vertx::cancelTimer);
        if (client != null) {
            client.close();
        }
    }

    public synchronized HttpClient client() {
        if (client == null) {
            HttpClientOptions options = new HttpClientOptions()
                    .setKeepAlive(true)
                    .setTcpNoDelay(true)
                    .setTcpKeepAlive(true)
                    .setDecompressionSupported(false) // bodies pass through untouched
                    .setConnectTimeout((int) config.proxy().connectTimeout().toMillis())
                    .setIdleTimeout((int) config.proxy().idleTimeout().toSeconds())
                    .setIdleTimeoutUnit(TimeUnit.SECONDS)
                    .setKeepAliveTimeout((int) Math.max(1, config.proxy().keepAliveTimeout().toSeconds()))
                    .setVerifyHost(true);
            client = vertx.createHttpClient(options,
                    new PoolOptions().setHttp1MaxSize(config.proxy().maxConnectionsPerInstance()).setMaxWaitQueueSize(2000));
        }
        return client;
    }

    public Optional<Upstream> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Map<String, Upstream> all() {
        return byName;
    }

    private void check(String name, Upstream.Instance instance, String path, int managementPortOffset) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(instance.host())
                .setPort(instance.port() + managementPortOffset).setSsl(instance.ssl()).setURI(path).setTimeout(2000);
        client.request(options)
                .compose(request -> request.send())
                .onComplete(result -> {
                    boolean healthy = result.succeeded() && result.result().statusCode() < 300;
                    if (result.succeeded()) {
                        result.result().body(); // drain
                    }
                    if (healthy != instance.isHealthy()) {
                        LOG.infof("upstream %s instance %s is now %s", name, instance, healthy ? "healthy" : "UNHEALTHY");
                    }
                    instance.markHealthy(healthy);
                });
    }
}
