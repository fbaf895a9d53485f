package vn.motcua.gateway.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.motcua.gateway.config.GatewayConfig;

import java.time.Instant;
import java.util.List;

/**
 * One JSON object per request on the logger {@code vn.motcua.gateway.access} (its own console handler prints the
 * bare object): time, method, route template (never the raw path, so ids do not explode the log's cardinality
 * and personal data in paths stays out), status, duration, client address, request id, and the upstream.
 */
@ApplicationScoped
public class AccessLog {

    public static final String CATEGORY = "vn.motcua.gateway.access";
    /** Routing-context keys the proxy fills in. */
    public static final String ROUTE = "motcua.route";
    public static final String UPSTREAM = "motcua.upstream";
    public static final String SUBJECT = "motcua.subject";

    private static final Logger LOG = Logger.getLogger(CATEGORY);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean enabled;
    private final List<String> excluded;

    public AccessLog(GatewayConfig config) {
        this.enabled = config.accessLog().enabled();
        this.excluded = config.accessLog().excludedPaths();
    }

    boolean enabledFor(String path) {
        if (!enabled || !LOG.isInfoEnabled()) {
            return false;
        }
        for (String prefix : excluded) {
            if (path.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    void write(RoutingContext ctx, String requestId, long startedNanos) {
        ObjectNode line = JSON.createObjectNode();
        line.put("type", "access");
        line.put("time", Instant.now().toString());
        line.put("method", ctx.request().method().name());
        String route = ctx.get(ROUTE);
        line.put("route", route != null ? route : templateOf(ctx));
        line.put("status", ctx.response().getStatusCode());
        line.put("durationMs", Math.round((System.nanoTime() - startedNanos) / 10_000.0) / 100.0);
        line.put("client", EdgeHandler.clientOf(ctx));
        line.put("requestId", requestId);
        String upstream = ctx.get(UPSTREAM);
        if (upstream != null) {
            line.put("upstream", upstream);
        }
        String subject = ctx.get(SUBJECT);
        if (subject != null) {
            line.put("subject", subject);
        }
        line.put("bytesSent", ctx.response().bytesWritten());
        try {
            LOG.info(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            LOG.warn("cannot write an access log line", e);
        }
    }

    /** Not a proxied route: the gateway's own endpoints have fixed paths; anything else is logged as unmatched. */
    private static String templateOf(RoutingContext ctx) {
        String path = ctx.request().path();
        return path.startsWith("/q/") || path.equals("/api/openapi.json") ? path : "(unmatched)";
    }
}
