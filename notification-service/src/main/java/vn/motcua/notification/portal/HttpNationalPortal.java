package vn.motcua.notification.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.motcua.notification.config.NotificationConfig;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The portal over HTTP (protocol in the README): {@code POST <url>/dossiers} to create, {@code PUT
 * <url>/dossiers/{MaHoSo}} to update, bearer token, an {@code Idempotency-Key} per revision, JSON answer {@code {"error_code": "...", "message": "..."}}.
 * The portal answers HTTP 200 even for refusals, so the error code — not the HTTP status — decides.
 */
@ApplicationScoped
public class HttpNationalPortal implements NationalPortal {

    public static final String OK = "0";
    public static final String ALREADY_EXISTS = "DOSSIER_EXISTS";
    public static final String NOT_FOUND = "DOSSIER_NOT_FOUND";
    /** Not part of the portal's API (it ignores it); a receiver that keeps it can drop repeated pushes. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    NotificationConfig config;
    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public Answer create(String document, String revisionKey) {
        return call("POST", "/dossiers", document, revisionKey);
    }

    @Override
    public Answer update(String dossierCode, String document, String revisionKey) {
        return call("PUT", "/dossiers/" + URLEncoder.encode(dossierCode, StandardCharsets.UTF_8), document, revisionKey);
    }

    private Answer call(String method, String path, String document, String revisionKey) {
        if (config.portal().url().isEmpty()) {
            return new Answer(Outcome.FAILED, null, "NOT_CONFIGURED", "motcua.notification.portal.url is not set");
        }
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.portal().url().get() + path))
                    .timeout(config.portal().timeout())
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .header(IDEMPOTENCY_KEY, revisionKey)
                    .method(method, HttpRequest.BodyPublishers.ofString(document, StandardCharsets.UTF_8));
            config.portal().token().filter(t -> !t.isBlank()).ifPresent(t -> request.header("Authorization", "Bearer " + t));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return interpret(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(Outcome.FAILED, null, "UNREACHABLE", e.getClass().getSimpleName() + " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(Outcome.FAILED, null, "INTERRUPTED", "interrupted");
        } catch (IllegalArgumentException e) {
            return new Answer(Outcome.FAILED, null, "BAD_URL", e.getMessage());
        }
    }

    Answer interpret(int status, String body) {
        String code = null;
        String message = null;
        try {
            JsonNode node = json.readTree(body == null ? "" : body);
            if (node != null) {
                code = node.hasNonNull("error_code") ? node.get("error_code").asText() : null;
                message = node.hasNonNull("message") ? node.get("message").asText() : null;
            }
        } catch (IOException | RuntimeException e) {
            message = "unreadable answer: " + (body == null ? "" : body.substring(0, Math.min(200, body.length())));
        }
        if (status < 200 || status >= 300) {
            return new Answer(Outcome.FAILED, status, code != null ? code : "HTTP_" + status, message);
        }
        if (code == null) {
            return new Answer(Outcome.FAILED, status, "NO_ERROR_CODE", message != null ? message : "answer without error_code");
        }
        Outcome outcome = switch (code) {
            case OK -> Outcome.OK;
            case ALREADY_EXISTS -> Outcome.ALREADY_EXISTS;
            case NOT_FOUND -> Outcome.NOT_FOUND;
            default -> Outcome.FAILED;
        };
        return new Answer(outcome, status, code, message);
    }
}
