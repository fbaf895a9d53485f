package vn.motcua.notification.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import vn.motcua.notification.config.NotificationConfig;
import vn.motcua.notification.message.Channel;
import vn.motcua.notification.message.NotificationMessage;
import vn.motcua.notification.message.SendResult;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * SMS through an HTTP provider (brandname SMS gateway). Protocol, as documented in the README:
 * {@code POST <url>} with JSON {@code {"from","to","text","reference"}} and {@code Authorization: Bearer <key>};
 * 2xx with {@code {"messageId"}} = accepted; 400/422 = permanent (bad number, refused content); 429 and 503 =
 * temporary (throttled, operator busy); other 5xx, timeouts and connection errors = technical.
 */
@ApplicationScoped
public class SmsSender implements ChannelSender {

    private static final Logger LOG = Logger.getLogger(SmsSender.class);
    static final String PROVIDER = "sms-http";

    @Inject
    NotificationConfig config;
    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(5)).build();

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public SendResult send(NotificationMessage message) {
        if ("simulated".equalsIgnoreCase(config.sms().mode())) {
            LOG.infof("[SIMULATED SMS — not sent] to=%s text=%s", message.address, message.body);
            return SendResult.delivered("simulated-sms", "SIMULATED-" + UUID.randomUUID());
        }
        if (config.sms().url().isEmpty()) {
            return SendResult.technical(PROVIDER, "motcua.notification.sms.url is not configured");
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("from", config.sms().sender());
        body.put("to", message.address);
        body.put("text", message.body);
        body.put("reference", message.id.toString());
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.sms().url().get()))
                    .timeout(config.sms().timeout())
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
            config.sms().apiKey().ifPresent(key -> request.header("Authorization", "Bearer " + key));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return interpret(response.statusCode(), response.body());
        } catch (IOException e) {
            return SendResult.technical(PROVIDER, "provider unreachable: " + e.getClass().getSimpleName() + " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.technical(PROVIDER, "interrupted");
        } catch (IllegalArgumentException e) {
            return SendResult.technical(PROVIDER, "bad provider URL: " + e.getMessage());
        }
    }

    SendResult interpret(int status, String body) {
        String detail = errorOf(body);
        if (status >= 200 && status < 300) {
            return SendResult.delivered(PROVIDER, field(body, "messageId"));
        }
        String reason = "provider answered " + status + (detail == null ? "" : ": " + detail);
        if (status == 400 || status == 422) {
            return SendResult.permanent(PROVIDER, reason);
        }
        if (status == 429 || status == 503) {
            return SendResult.temporary(PROVIDER, reason);
        }
        if (status >= 500) {
            return SendResult.technical(PROVIDER, reason);
        }
        return SendResult.permanent(PROVIDER, reason); // 401/403/404: our configuration is wrong; retries won't help
    }

    private String errorOf(String body) {
        String error = field(body, "error");
        return error != null ? error : field(body, "message");
    }

    private String field(String body, String name) {
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.hasNonNull(name) ? node.get(name).asText() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
