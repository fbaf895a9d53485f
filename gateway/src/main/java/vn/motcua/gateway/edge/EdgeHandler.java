package vn.motcua.gateway.edge;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * First handler of every request (before CORS and Quarkus' own body limit, so their answers carry it too): assigns
 * the request id, works out the client's address ({@link ClientAddresses}), returns the id and the security headers
 * on every response, and writes the access log line when the response is done.
 */
public final class EdgeHandler implements Handler<RoutingContext> {

    private final AccessLog accessLog;
    private final ClientAddresses clients;

    public EdgeHandler(AccessLog accessLog, ClientAddresses clients) {
        this.accessLog = accessLog;
        this.clients = clients;
    }

    /** The address of the TCP peer (the client, or a load balancer in front of the gateway). */
    public static String peerOf(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    /** The client's address, worked out by this handler, which runs first for every request. */
    public static String clientOf(RoutingContext ctx) {
        return ctx.get(ClientAddresses.KEY);
    }

    @Override
    public void handle(RoutingContext ctx) {
        long started = System.nanoTime();
        String requestId = RequestIds.assign(ctx);
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = ctx.response();
        ctx.put(ClientAddresses.KEY, clients.clientOf(peerOf(request), request.getHeader("X-Forwarded-For")));
        ctx.addHeadersEndHandler(v -> {
            MultiMap headers = response.headers();
            headers.set(RequestIds.HEADER, requestId);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            if (request.path().startsWith("/api/")) {
                // API answers are data, never pages: nothing may be loaded or framed from them. (Swagger UI under
                // /q/ needs scripts, so it is left out.)
                headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            }
        });
        if (accessLog.enabledFor(request.path())) {
            ctx.addEndHandler(result -> accessLog.write(ctx, requestId, started));
        }
        ctx.next();
    }
}
