package vn.motcua.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP server (JDK {@code HttpServer}) standing in for one instance of a motcua service: it echoes what it
 * received (method, URI, headers, body size — the body is counted as it streams, never kept), serves a small
 * OpenAPI document and a health endpoint, and has a few paths that misbehave on purpose (slow, failing).
 */
public final class FakeUpstream {

    private final String service;
    private final String instance;
    private final HttpServer server;
    /** Bytes of request bodies received so far (all requests), readable at {@code /_progress}. */
    private final AtomicLong bytesReceived = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    public FakeUpstream(String service, String instance) throws IOException {
        this.service = service;
        this.instance = instance;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "fake-" + service + "-" + instance);
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/q/health/ready")) {
                reply(exchange, 200, "application/json", "{\"status\":\"UP\"}");
                return;
            }
            if (path.equals("/q/openapi")) {
                reply(exchange, 200, "application/json", OpenApiDocuments.of(service));
                return;
            }
            if (path.equals("/_progress")) {
                reply(exchange, 200, "text/plain", Long.toString(bytesReceived.get()));
                return;
            }
            long count = requests.incrementAndGet();
            long body = 0;
            byte[] chunk = new byte[64 * 1024];
            try (InputStream in = exchange.getRequestBody()) {
                for (int n; (n = in.read(chunk)) > 0; ) {
                    body += n;
                    bytesReceived.addAndGet(n);
                }
            }
            if (path.startsWith("/api/v1/test/slow")) {
                sleep(3_000);
            }
            if (path.startsWith("/api/v1/test/flaky/fail") || path.startsWith("/api/v1/payments/test/broken")) {
                // what a server that is itself failing answers (a sidecar, a server shutting down): no problem+json
                reply(exchange, 503, "text/plain", "upstream own failure " + count);
                return;
            }
            String query = exchange.getRequestURI().getRawQuery();
            if (path.startsWith("/api/v1/procedures") && query != null && query.contains("page=21474837")) {
                // what dossier-service answered before page * size was computed as a capped long
                reply(exchange, 500, "application/problem+json",
                        "{\"status\":500,\"code\":\"INTERNAL_ERROR\",\"served\":" + count + "}");
                return;
            }
            if (path.startsWith("/api/v1/payments/test/provider-down")) {
                // payment-service's own verdict that a payment provider is unreachable
                reply(exchange, 502, "application/problem+json",
                        "{\"status\":502,\"code\":\"PROVIDER_UNAVAILABLE\",\"served\":" + count + "}");
                return;
            }
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            StringBuilder json = new StringBuilder("{");
            json.append("\"service\":").append(quote(service)).append(',');
            json.append("\"instance\":").append(quote(instance)).append(',');
            json.append("\"method\":").append(quote(exchange.getRequestMethod())).append(',');
            json.append("\"uri\":").append(quote(exchange.getRequestURI().toString())).append(',');
            json.append("\"bodyBytes\":").append(body).append(',');
            json.append("\"served\":").append(count).append(',');
            json.append("\"headers\":{");
            json.append(String.join(",", headers.entrySet().stream()
                    .map(e -> quote(e.getKey()) + ":" + quote(e.getValue())).toList()));
            json.append("}}");
            exchange.getResponseHeaders().put("X-Upstream-Instance", List.of(instance));
            // what a service must not be able to do through the gateway: set CORS or the request id
            exchange.getResponseHeaders().put("Access-Control-Allow-Origin", List.of("*"));
            reply(exchange, 200, "application/json", json.toString());
        }
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().put("Content-Type", List.of(type + ";charset=UTF-8"));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
