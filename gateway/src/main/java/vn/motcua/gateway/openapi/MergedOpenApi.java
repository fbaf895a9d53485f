package vn.motcua.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.motcua.gateway.config.GatewayConfig;
import vn.motcua.gateway.edge.Problems;
import vn.motcua.gateway.routing.Upstream;
import vn.motcua.gateway.routing.Upstreams;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /api/openapi.json}: the services' {@code /q/openapi} documents fetched from an instance each, merged
 * ({@link OpenApiMerger}) and kept for {@code cache-for}. A service that cannot be reached is served from its last
 * good document if there is one, and listed under {@code x-motcua-unavailable}. Swagger UI at the gateway
 * ({@code /q/swagger-ui}) shows this document. Eventually consistent with the services by up to {@code cache-for}.
 */
@ApplicationScoped
public class MergedOpenApi implements Handler<RoutingContext> {

    public static final String PATH = "/api/openapi.json";
    private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GatewayConfig config;
    private final Upstreams upstreams;
    private final Map<String, JsonNode> lastGood = new ConcurrentHashMap<>();
    private volatile String cached;
    private volatile long cachedAt;
    private volatile boolean complete;
    private Future<String> refreshing;

    public MergedOpenApi(GatewayConfig config, Upstreams upstreams) {
        this.config = config;
        this.upstreams = upstreams;
    }

    @Override
    public void handle(RoutingContext ctx) {
        document().onComplete(result -> {
            if (result.failed()) {
                Problems.send(ctx, 503, "OPENAPI_UNAVAILABLE", "Service unavailable",
                        "the services' API documents could not be fetched", Map.of("Retry-After", "5"));
                return;
            }
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json;charset=UTF-8")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "max-age=" + config.openapi().cacheFor().toSeconds())
                    .end(result.result());
        });
    }

    synchronized Future<String> document() {
        String current = cached;
        // an incomplete document (a service was unreachable) is kept for 2 s only
        long keepFor = complete ? config.openapi().cacheFor().toNanos() : 2_000_000_000L;
        if (current != null && System.nanoTime() - cachedAt < keepFor) {
            return Future.succeededFuture(current);
        }
        if (refreshing == null) {
            refreshing = fetchAndMerge().andThen(result -> {
                synchronized (this) {
                    refreshing = null;
                    if (result.succeeded()) {
                        cached = result.result().json();
                        complete = result.result().complete();
                        cachedAt = System.nanoTime();
                    }
                }
            }).map(Merged::json);
        }
        return refreshing;
    }

    private record Merged(String json, boolean complete) {
    }

    private Future<Merged> fetchAndMerge() {
        List<String> names = new ArrayList<>();
        List<Future<JsonNode>> fetches = new ArrayList<>();
        config.upstreams().forEach((name, upstream) -> {
            if (upstream.inOpenapi()) {
                names.add(name);
                fetches.add(fetch(upstreams.get(name).orElseThrow(), upstream.openapiPath()));
            }
        });
        return Future.join(fetches).transform(ignored -> {
            Map<String, JsonNode> documents = new LinkedHashMap<>();
            Set<String> unavailable = new HashSet<>();
            for (int i = 0; i < names.size(); i++) {
                Future<JsonNode> fetch = fetches.get(i);
                if (fetch.succeeded()) {
                    lastGood.put(names.get(i), fetch.result());
                    documents.put(names.get(i), fetch.result());
                } else {
                    LOG.warnf("OpenAPI document of %s unavailable: %s", names.get(i), fetch.cause().getMessage());
                    unavailable.add(names.get(i));
                    JsonNode previous = lastGood.get(names.get(i));
                    if (previous != null) {
                        documents.put(names.get(i), previous);
                    }
                }
            }
            if (documents.isEmpty() && !names.isEmpty()) {
                return Future.failedFuture("no service document could be fetched");
            }
            ObjectNode merged = OpenApiMerger.merge(documents, "motcua API", "v1");
            if (!unavailable.isEmpty()) {
                merged.putPOJO("x-motcua-unavailable", unavailable.stream().sorted().toList());
            }
            try {
                return Future.succeededFuture(new Merged(JSON.writeValueAsString(merged), unavailable.isEmpty()));
            } catch (Exception e) {
                return Future.failedFuture(e);
            }
        });
    }

    private Future<JsonNode> fetch(Upstream upstream, String path) {
        Upstream.Instance instance = upstream.choose(Set.of());
        Promise<JsonNode> promise = Promise.promise();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(instance.host())
                .setPort(instance.port()).setSsl(instance.ssl()).setURI(path)
                .putHeader(HttpHeaders.ACCEPT, "application/json")
                .setTimeout(config.openapi().fetchTimeout().toMillis());
        upstreams.client().request(options)
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture(upstream.name() + " answered " + response.statusCode()))
                .onComplete(result -> {
                    if (result.failed()) {
                        promise.fail(result.cause());
                        return;
                    }
                    try {
                        promise.complete(JSON.readTree(result.result().getBytes()));
                    } catch (Exception e) {
                        promise.fail(e);
                    }
                });
        return promise.future();
    }
}
