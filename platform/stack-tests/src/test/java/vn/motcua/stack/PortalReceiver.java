package vn.motcua.stack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test national portal on a loopback port, speaking the sync protocol of notification-service's README:
 * {@code POST <url>/dossiers} creates, {@code PUT <url>/dossiers/{MaHoSo}} updates, bearer token, JSON answer with
 * {@code error_code} "0" on success. It records every accepted document's status, per dossier code.
 */
final class PortalReceiver implements AutoCloseable {

    static final String TOKEN = "stack-test-portal-token";
    private static final Pattern CODE = Pattern.compile("\"MaHoSo\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"TrangThaiHoSo\"\\s*:\\s*(\\d+)");

    private final HttpServer server;
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private final Map<String, List<Integer>> statuses = new ConcurrentHashMap<>();

    PortalReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/portal/api/dossiers", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/portal/api";
    }

    /** The statuses the portal accepted for a dossier, in arrival order. */
    List<Integer> statusesOf(String dossierCode) {
        return List.copyOf(statuses.getOrDefault(dossierCode, List.of()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, "UNAUTHORIZED");
                return;
            }
            Matcher code = CODE.matcher(body);
            Matcher status = STATUS.matcher(body);
            if (!code.find() || !status.find()) {
                answer(exchange, 200, "INVALID_DOCUMENT");
                return;
            }
            String dossierCode = code.group(1);
            String method = exchange.getRequestMethod();
            if (method.equals("POST") && !known.add(dossierCode)) {
                answer(exchange, 200, "DOSSIER_EXISTS");
                return;
            }
            if (method.equals("PUT")) {
                String path = exchange.getRequestURI().getRawPath();
                String pathCode = URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
                if (!pathCode.equals(dossierCode) || !known.contains(dossierCode)) {
                    answer(exchange, 200, "DOSSIER_NOT_FOUND");
                    return;
                }
            }
            statuses.computeIfAbsent(dossierCode, c -> new CopyOnWriteArrayList<>()).add(Integer.parseInt(status.group(1)));
            answer(exchange, 200, "0");
        }
    }

    private static void answer(HttpExchange exchange, int status, String errorCode) throws IOException {
        byte[] json = ("{\"error_code\":\"" + errorCode + "\",\"message\":\"" + errorCode + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, json.length);
        exchange.getResponseBody().write(json);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
