package vn.motcua.gateway.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;
import java.util.Map;

/**
 * Writes the gateway's own refusals as RFC 9457 {@code application/problem+json}, in the same shape as the services'
 * {@code vn.motcua.web.problem.Problem} (type, title, status, detail, stable code, instance, requestId). Written
 * here rather than depending on platform/web, which brings Hibernate ORM along.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://motcua.vn/problems/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    public static void send(RoutingContext ctx, int status, String code, String title, String detail) {
        send(ctx, status, code, title, detail, Map.of());
    }

    /** Sends the problem unless a response is already under way (then the connection is cut, the only honest signal left). */
    public static void send(RoutingContext ctx, int status, String code, String title, String detail,
                            Map<String, String> headers) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            response.reset();
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("type", TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-'));
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        body.put("code", code);
        body.put("instance", ctx.request().path());
        String requestId = RequestIds.of(ctx);
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // drop whatever an upstream answer might have put there; this is the gateway's own answer
        response.headers().remove(HttpHeaders.CONTENT_LENGTH).remove(HttpHeaders.TRANSFER_ENCODING);
        response.setChunked(false);
        response.setStatusCode(status);
        headers.forEach(response::putHeader);
        response.putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE + ";charset=UTF-8");
        response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.end(json);
    }
}
