package vn.motcua.gateway.routing;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.motcua.gateway.auth.TokenVerifier;
import vn.motcua.gateway.config.GatewayConfig;
import vn.motcua.gateway.edge.AccessLog;
import vn.motcua.gateway.edge.ClientAddresses;
import vn.motcua.gateway.edge.EdgeHandler;
import vn.motcua.gateway.openapi.MergedOpenApi;
import vn.motcua.gateway.ratelimit.RateLimiter;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts the gateway on Quarkus' HTTP router: the edge handler on everything, the merged OpenAPI document, and the
 * proxy on {@code /api/*}. Plain Vert.x routes without a body handler, so bodies stream.
 */
@ApplicationScoped
public class GatewayRoutes {

    /** Before Quarkus' CORS filter and its body-size check (order -2), so their answers carry request ids too. */
    static final int EDGE_ORDER = -10_000;
    static final int PROXY_ORDER = 1_000;

    private final RouteTable table;
    private final ClientAddresses clients;

    public GatewayRoutes(GatewayConfig config) {
        this.table = compile(config);
        this.clients = new ClientAddresses(config.proxy().trustedProxies().orElse(List.of()));
    }

    void install(@Observes Router router, AccessLog accessLog, Upstreams upstreams, TokenVerifier tokens,
                 RateLimiter rateLimiter, MergedOpenApi openApi, Vertx vertx) {
        router.route().order(EDGE_ORDER).handler(new EdgeHandler(accessLog, clients));
        router.get(MergedOpenApi.PATH).order(PROXY_ORDER - 1).handler(openApi);
        router.route("/api/*").order(PROXY_ORDER)
                .handler(new ProxyHandler(table, upstreams, tokens, rateLimiter, clients, vertx));
    }

    public RouteTable table() {
        return table;
    }

    static RouteTable compile(GatewayConfig config) {
        List<Route> routes = new ArrayList<>();
        config.routes().forEach((name, route) -> {
            if (!config.upstreams().containsKey(route.upstream())) {
                throw new IllegalArgumentException("route " + name + " names the unknown upstream " + route.upstream());
            }
            routes.add(new Route(name, PathPattern.parse(route.path()), java.util.Set.copyOf(route.methods().orElse(List.of())),
                    route.upstream(), java.util.Set.copyOf(route.roles()), route.timeout(),
                    route.maxBodySize().orElse(config.proxy().maxBodySize()).asLongValue(), route.rateLimit()));
        });
        return new RouteTable(routes);
    }
}
