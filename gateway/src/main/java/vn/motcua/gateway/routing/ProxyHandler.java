package vn.motcua.gateway.routing;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;
import vn.motcua.gateway.auth.AuthenticationFailed;
import vn.motcua.gateway.auth.Identity;
import vn.motcua.gateway.auth.TokenVerifier;
import vn.motcua.gateway.edge.AccessLog;
import vn.motcua.gateway.edge.ClientAddresses;
import vn.motcua.gateway.edge.EdgeHandler;
import vn.motcua.gateway.edge.Problems;
import vn.motcua.gateway.edge.RequestIds;
import vn.motcua.gateway.ratelimit.Decision;
import vn.motcua.gateway.ratelimit.RateLimiter;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * The reverse proxy for {@code /api/**}: route table → body limit → authentication and roles → rate limit →
 * an instance of the upstream (round-robin, failover on connection errors, circuit breaker) → the request and
 * response bodies streamed through with back-pressure (never buffered), under the route's timeout.
 */
public final class ProxyHandler implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(ProxyHandler.class);
    public static final String SUBJECT_HEADER = "X-Motcua-Subject";
    /**
     * The client's address as the gateway established it (the TCP peer, or what a trusted balancer reports), for the
     * services' audit trails; like every {@code X-Motcua-*} header, a client's own is dropped and this one is set.
     */
    public static final String CLIENT_IP_HEADER = "X-Motcua-Client-Ip";
    /** Headers of one hop only (RFC 9110 §7.6.1), never forwarded either way. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "content-length", "expect");
    /** Set by the gateway only; a client sending one is not believed. */
    private static final String INTERNAL_PREFIX = "x-motcua-";
    /** Metrics tag the request with this template instead of the raw path (Quarkus micrometer reads it). */
    private static final String URL_TEMPLATE_KEY = "UrlPathTemplate";
    /** Fresh connections tried after pooled ones that turned out closed, for one request. */
    static final int STALE_CONNECTION_RETRIES = 3;

    private final RouteTable table;
    private final Upstreams upstreams;
    private final TokenVerifier tokens;
    private final RateLimiter rateLimiter;
    private final ClientAddresses clients;
    private final Vertx vertx;

    public ProxyHandler(RouteTable table, Upstreams upstreams, TokenVerifier tokens, RateLimiter rateLimiter,
                        ClientAddresses clients, Vertx vertx) {
        this.table = table;
        this.upstreams = upstreams;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.clients = clients;
        this.vertx = vertx;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        request.pause(); // nothing of the body is read until the upstream is ready to take it
        String path = ctx.normalizedPath();
        String method = request.method().name();
        RouteTable.Match match = table.match(method, path);
        if (match.route().isEmpty()) {
            refuse(ctx, match.pathKnown() ? 405 : 404, match.pathKnown() ? "METHOD_NOT_ALLOWED" : "ROUTE_NOT_FOUND",
                    match.pathKnown() ? "Method not allowed" : "Not found",
                    match.pathKnown() ? method + " is not allowed on " + path : "no service serves " + path, Map.of());
            return;
        }
        Route route = match.route().get();
        ctx.put(AccessLog.ROUTE, route.path().template());
        ctx.put(AccessLog.UPSTREAM, route.upstream());
        if (request instanceof HttpServerRequestInternal internal) {
            internal.context().putLocal(URL_TEMPLATE_KEY, route.path().template());
        }

        String declaredLength = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declaredLength != null) {
            long length;
            try {
                length = Long.parseLong(declaredLength.trim());
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length < 0) {
                refuse(ctx, 400, "MALFORMED_REQUEST", "Malformed request", "Content-Length is not a number", Map.of());
                return;
            }
            if (length > route.maxBodySize()) {
                tooLarge(ctx, route);
                return;
            }
        }

        Context context = Vertx.currentContext();
        authenticate(ctx, route).onComplete(onContext(context, auth -> {
            if (auth.failed()) {
                AuthenticationFailed failure = auth.cause() instanceof AuthenticationFailed af ? af
                        : new AuthenticationFailed(AuthenticationFailed.INVALID, "the bearer token could not be verified");
                refuse(ctx, 401, failure.code(), "Unauthorized", failure.getMessage(),
                        Map.of("WWW-Authenticate", "Bearer realm=\"motcua\", error=\"invalid_token\""));
                return;
            }
            Identity identity = auth.result();
            if (identity == null && !route.isPublic()) {
                refuse(ctx, 401, "AUTHENTICATION_REQUIRED", "Unauthorized", "this route needs a bearer token",
                        Map.of("WWW-Authenticate", "Bearer realm=\"motcua\""));
                return;
            }
            if (identity != null) {
                ctx.put(AccessLog.SUBJECT, identity.subject());
                if (!route.admits(identity.roles())) {
                    refuse(ctx, 403, "ACCESS_DENIED", "Forbidden",
                            "this route is for " + String.join(", ", route.roles()), Map.of());
                    return;
                }
            }
            String ip = EdgeHandler.clientOf(ctx);
            rateLimiter.acquire(route.rateLimitPolicy(), identity == null ? null : identity.subject(), ip)
                    .onComplete(onContext(context, limit -> {
                        Decision decision = limit.result();
                        if (!decision.allowed()) {
                            refuse(ctx, 429, "RATE_LIMITED", "Too many requests",
                                    "slow down; retry in " + decision.retryAfterSeconds() + " s",
                                    Map.of("Retry-After", Long.toString(decision.retryAfterSeconds())));
                            return;
                        }
                        Upstream upstream = upstreams.get(route.upstream()).orElseThrow();
                        forward(ctx, route, upstream, identity, new HashSet<>());
                    }));
        }));
    }

    private Future<Identity> authenticate(RoutingContext ctx, Route route) {
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return Future.succeededFuture(null);
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Future.failedFuture(new AuthenticationFailed(AuthenticationFailed.INVALID,
                    "only bearer tokens are accepted"));
        }
        return tokens.verify(authorization.substring(7).trim());
    }

    private void forward(RoutingContext ctx, Route route, Upstream upstream, Identity identity, Set<Upstream.Instance> tried) {
        CircuitBreaker breaker = upstream.circuitBreaker(route.name());
        if (tried.isEmpty() && !breaker.tryAcquire()) {
            refuse(ctx, 503, "UPSTREAM_CIRCUIT_OPEN", "Service unavailable",
                    upstream.name() + " is failing; requests are paused for a moment",
                    Map.of("Retry-After", Long.toString(breaker.secondsUntilTrial())));
            return;
        }
        Upstream.Instance instance = upstream.choose(tried);
        if (instance == null) {
            breaker.recordFailure();
            refuse(ctx, 503, "UPSTREAM_UNAVAILABLE", "Service unavailable",
                    "no instance of " + upstream.name() + " can be reached", Map.of("Retry-After", "5"));
            return;
        }
        tried.add(instance);
        connect(ctx, route, upstream, identity, tried, instance, breaker, 0);
    }

    /**
     * Sends the request to one instance. A pooled keep-alive connection may turn out closed (the service closed it
     * while idle, or restarted) before any byte of the request was written on it: then the service saw nothing, so
     * the request goes again on a fresh connection to the same instance, whatever its method, at most
     * {@link #STALE_CONNECTION_RETRIES} times; the instance is not marked down for it.
     */
    private void connect(RoutingContext ctx, Route route, Upstream upstream, Identity identity,
                         Set<Upstream.Instance> tried, Upstream.Instance instance, CircuitBreaker breaker, int staleRetries) {
        HttpServerRequest request = ctx.request();
        String query = request.query();
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost(instance.host())
                .setPort(instance.port())
                .setSsl(instance.ssl())
                .setURI(ctx.normalizedPath() + (query == null ? "" : "?" + query));
        Context context = Vertx.currentContext();
        upstreams.client().request(options).onComplete(onContext(context, connected -> {
            if (connected.failed()) {
                if (ctx.response().closed()) {
                    // the client went away (its close reset this request): that says nothing about the instance
                    breaker.recordIgnored();
                    return;
                }
                if (!isConnectFailure(connected.cause()) && staleRetries < STALE_CONNECTION_RETRIES) {
                    // the pooled connection was closed under us: the instance is up, take a fresh connection to it
                    LOG.debugf("upstream %s instance %s: pooled connection closed (%s); again on a fresh one",
                            upstream.name(), instance, connected.cause());
                    connect(ctx, route, upstream, identity, tried, instance, breaker, staleRetries + 1);
                    return;
                }
                // nothing of the body has been read yet, so another instance can take the request, whatever its method
                instance.markHealthy(false);
                LOG.debugf("upstream %s instance %s refused the connection: %s", upstream.name(), instance,
                        connected.cause().getMessage());
                forward(ctx, route, upstream, identity, tried);
                return;
            }
            send(ctx, route, breaker, connected.result(), identity, staleRetries < STALE_CONNECTION_RETRIES
                    ? () -> connect(ctx, route, upstream, identity, tried, instance, breaker, staleRetries + 1) : null);
        }));
    }

    /** A failure to open a connection (nobody listens, or not in time), as opposed to a pooled one found closed. */
    private static boolean isConnectFailure(Throwable cause) {
        return cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException
                || cause instanceof java.net.NoRouteToHostException || cause instanceof javax.net.ssl.SSLException;
    }

    /**
     * @param resend sends the request again on a fresh connection; called when the connection closed before the
     *               request's head was written on it (null: no more attempts)
     */
    private void send(RoutingContext ctx, Route route, CircuitBreaker breaker, HttpClientRequest outbound, Identity identity,
                      Runnable resend) {
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = ctx.response();
        copyRequestHeaders(ctx, outbound.headers(), identity, clients);
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean chunked = request.headers().contains(HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CHUNKED, true);
        boolean hasBody = chunked || (length != null && !length.trim().equals("0"));
        if (length != null && !chunked) {
            outbound.putHeader(HttpHeaders.CONTENT_LENGTH, length.trim());
        } else if (chunked) {
            outbound.setChunked(true);
        }

        long[] timer = {-1};
        boolean[] timedOut = {false};
        Runnable startTimer = () -> timer[0] = vertx.setTimer(Math.max(1, route.timeout().toMillis()), id -> {
            timedOut[0] = true;
            breaker.recordFailure();
            outbound.reset(0, new TimeoutException("timeout"));
            Problems.send(ctx, 504, "UPSTREAM_TIMEOUT", "Gateway timeout",
                    route.upstream() + " did not answer within " + route.timeout().toMillis() + " ms", Map.of());
        });
        response.closeHandler(v -> outbound.reset()); // the client went away: stop the upstream's work too

        // The head is written first, and the client's body is read only once it is out: if the connection turns out
        // closed before that, nothing of the request has left us (or been read from the client), and it can be sent
        // again on a fresh connection.
        java.util.concurrent.atomic.AtomicBoolean headWritten = new java.util.concurrent.atomic.AtomicBoolean();
        Future<HttpClientResponse> answer = outbound.response();
        Future<Void> head;
        try {
            head = outbound.sendHead();
        } catch (IllegalStateException closedAlready) {
            head = Future.failedFuture(closedAlready);
        }
        Context context = Vertx.currentContext();
        head.onSuccess(v -> headWritten.set(true)).onComplete(onContext(context, written -> {
            if (written.failed()) {
                if (!answer.isComplete()) {
                    outbound.reset(0, written.cause()); // the answer fails with it and is handled below
                }
                return;
            }
            if (hasBody && request.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
                // the client waits for our go-ahead before sending the body; authentication and limits are passed
                // and an upstream is connected, so give it (the upstream is sent the body without an Expect of its own)
                response.writeContinue();
            }
            if (hasBody) {
                LimitedBody body = new LimitedBody(request, route.maxBodySize(), startTimer, () -> {
                    outbound.reset();
                    breaker.recordIgnored();
                    vertx.cancelTimer(timer[0]);
                    response.putHeader(HttpHeaders.CONNECTION, "close");
                    tooLarge(ctx, route);
                });
                body.pipeTo(outbound);
            } else {
                request.resume();
                outbound.end();
                startTimer.run();
            }
        }));
        answer.onComplete(onContext(context, result -> {
            vertx.cancelTimer(timer[0]);
            if (timedOut[0] || response.ended() || response.closed()) {
                return;
            }
            if (result.failed() && !headWritten.get() && resend != null) {
                LOG.debugf("connection to %s closed before the request was written (%s); again on a fresh one",
                        route.upstream(), result.cause());
                resend.run();
                return;
            }
            if (result.failed()) {
                breaker.recordFailure();
                Problems.send(ctx, 502, "UPSTREAM_ERROR", "Bad gateway",
                        route.upstream() + " failed to answer: " + result.cause().getClass().getSimpleName(), Map.of());
                return;
            }
            HttpClientResponse inbound = result.result();
            if (isOwnFailure(inbound)) {
                breaker.recordFailure();
            } else {
                breaker.recordSuccess();
            }
            relay(ctx, inbound);
        }));
    }

    /**
     * Whether an answer says the upstream itself is failing, which is what the breaker is for. Only a 502, 503 or 504
     * that the service did not write itself counts: one from something between us and its code (a proxy or sidecar,
     * a server that is shutting down). A problem+json answer is the service's own, deliberate verdict on this request
     * (its 502 PROVIDER_UNAVAILABLE about a payment provider, a 500 some client input provoked): counting those would
     * let any client open the circuit, and one failing provider pause callbacks from the others.
     */
    static boolean isOwnFailure(HttpClientResponse inbound) {
        int status = inbound.statusCode();
        if (status != 502 && status != 503 && status != 504) {
            return false;
        }
        String type = inbound.getHeader(HttpHeaders.CONTENT_TYPE);
        return type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/problem+json");
    }

    private void relay(RoutingContext ctx, HttpClientResponse inbound) {
        HttpServerResponse response = ctx.response();
        response.setStatusCode(inbound.statusCode());
        response.setStatusMessage(inbound.statusMessage());
        MultiMap out = response.headers();
        inbound.headers().forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            // the gateway owns CORS and the request id; per-hop headers stay on their hop
            if (!HOP_BY_HOP.contains(name) && !name.startsWith("access-control-") && !name.equals("x-request-id")) {
                out.add(header.getKey(), header.getValue());
            }
        });
        String length = inbound.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            out.set(HttpHeaders.CONTENT_LENGTH, length);
        } else if (ctx.request().method() != HttpMethod.HEAD && inbound.statusCode() != 204 && inbound.statusCode() != 304) {
            response.setChunked(true);
        }
        inbound.pipeTo(response).onFailure(e -> {
            // the head is out already: cutting the connection is the only way to tell the client the body is incomplete
            LOG.debugf("relaying the response failed: %s", e.getMessage());
            if (!response.closed()) {
                response.reset();
            }
        });
    }

    private static void copyRequestHeaders(RoutingContext ctx, MultiMap out, Identity identity, ClientAddresses clients) {
        HttpServerRequest request = ctx.request();
        request.headers().forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !name.startsWith(INTERNAL_PREFIX) && !name.equals("x-request-id")
                    && !name.startsWith("x-forwarded-") && !name.equals("forwarded")) {
                out.add(header.getKey(), header.getValue()); // Authorization stays: services verify the token again
            }
        });
        // a trusted balancer's chain travels on with the peer appended; anyone else's is replaced by the peer
        out.set("X-Forwarded-For", clients.forwardedChain(EdgeHandler.peerOf(request), request.getHeader("X-Forwarded-For")));
        out.set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        String host = request.authority() == null ? request.getHeader(HttpHeaders.HOST) : request.authority().toString();
        if (host != null) {
            out.set("X-Forwarded-Host", host);
        }
        out.set(RequestIds.HEADER, RequestIds.of(ctx));
        out.set(CLIENT_IP_HEADER, EdgeHandler.clientOf(ctx));
        if (identity != null) {
            out.set(SUBJECT_HEADER, identity.subject());
        }
        // traceparent / tracestate (W3C trace context) are ordinary end-to-end headers and pass through as they are
    }

    private static void tooLarge(RoutingContext ctx, Route route) {
        ctx.request().resume();
        refuse(ctx, 413, "PAYLOAD_TOO_LARGE", "Request body too large",
                "the body may be at most " + route.maxBodySize() + " bytes on this route",
                Map.of("Connection", "close"));
    }

    private static void refuse(RoutingContext ctx, int status, String code, String title, String detail,
                               Map<String, String> headers) {
        // an unread body must not be taken for the next request on this connection; let it drain and be dropped
        HttpServerRequest request = ctx.request();
        if (!request.isEnded()) {
            request.handler(buffer -> { });
            request.resume();
        }
        Problems.send(ctx, status, code, title, detail, headers);
    }

    /** Continues on the request's own event loop whatever thread completed the future (a worker, Redis' loop). */
    private static <T> Handler<AsyncResult<T>> onContext(Context context, Handler<AsyncResult<T>> handler) {
        return result -> {
            if (context == null || Vertx.currentContext() == context) {
                handler.handle(result);
            } else {
                context.runOnContext(v -> handler.handle(result));
            }
        };
    }

    /**
     * The client's request body as the upstream request reads it: counted as it flows, cut when it passes the
     * route's limit (a chunked body declares no length, so this is the only place that can), and reporting its end,
     * from which the route's response timeout starts (an upload may take long; the upstream's answer may not).
     */
    private static final class LimitedBody implements ReadStream<Buffer> {
        private final HttpServerRequest request;
        private final long limit;
        private final Runnable onEnd;
        private final Runnable onTooLarge;
        private long seen;
        private boolean cut;

        LimitedBody(HttpServerRequest request, long limit, Runnable onEnd, Runnable onTooLarge) {
            this.request = request;
            this.limit = limit;
            this.onEnd = onEnd;
            this.onTooLarge = onTooLarge;
        }

        @Override
        public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            request.exceptionHandler(handler);
            return this;
        }

        @Override
        public ReadStream<Buffer> handler(Handler<Buffer> handler) {
            if (handler == null) {
                request.handler(null);
                return this;
            }
            request.handler(buffer -> {
                if (cut) {
                    return;
                }
                seen += buffer.length();
                if (seen > limit) {
                    cut = true;
                    onTooLarge.run();
                    return;
                }
                handler.handle(buffer);
            });
            return this;
        }

        @Override
        public ReadStream<Buffer> pause() {
            request.pause();
            return this;
        }

        @Override
        public ReadStream<Buffer> resume() {
            request.resume();
            return this;
        }

        @Override
        public ReadStream<Buffer> fetch(long amount) {
            request.fetch(amount);
            return this;
        }

        @Override
        public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
            if (endHandler == null) {
                request.endHandler(null);
                return this;
            }
            request.endHandler(v -> {
                if (!cut) {
                    onEnd.run();
                    endHandler.handle(v);
                }
            });
            return this;
        }
    }
}
