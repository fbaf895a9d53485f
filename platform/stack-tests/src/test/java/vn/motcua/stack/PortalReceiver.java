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
 * {@code error_code} "0" on success. It records every accepted document's status and Idempotency-Key, per dossier
 * code, and, as a receiver keeping the key would, counts a repeated key once (pushes are at least once).
 */
final class PortalReceiver implements AutoCloseable {

    static final String TOKEN = "stack-test-portal-token";
    private static final Pattern CODE = Pattern.compile("\"MaHoSo\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"TrangThaiHoSo\"\\s*:\\s*(\\d+)");

    private final HttpServer server;
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private final Map<String, List<Accepted>> accepted = new ConcurrentHashMap<>();
    private final Map<String, Integer> repeats = new ConcurrentHashMap<>();

    /** One accepted push: the portal status it carried and the revision's key. */
    record Accepted(int status, String key) {
    }

    PortalReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/portal/api/dossiers", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/portal/api";
    }

    /** The statuses the portal accepted for a dossier, in arrival order, each revision once. */
    List<Integer> statusesOf(String dossierCode) {
        return acceptedOf(dossierCode).stream().map(Accepted::status).toList();
    }

    /** The pushes the portal accepted for a dossier, in arrival order, each revision (key) once. */
    List<Accepted> acceptedOf(String dossierCode) {
        return List.copyOf(accepted.getOrDefault(dossierCode, List.of()));
    }

    /** How many pushes repeated a revision already accepted (a sender's at-least-once re-send). */
    int repeatsOf(String dossierCode) {
        return repeats.getOrDefault(dossierCode, 0);
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
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            if (key == null || key.isBlank()) {
                answer(exchange, 200, "MISSING_IDEMPOTENCY_KEY");
                return;
            }
            recordOnce(dossierCode, new Accepted(Integer.parseInt(status.group(1)), key));
            answer(exchange, 200, "0");
        }
    }

    private synchronized void recordOnce(String dossierCode, Accepted push) {
        List<Accepted> pushes = accepted.computeIfAbsent(dossierCode, c -> new CopyOnWriteArrayList<>());
        if (pushes.stream().anyMatch(p -> p.key().equals(push.key()))) {
            repeats.merge(dossierCode, 1, Integer::sum);
        } else {
            pushes.add(push);
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
