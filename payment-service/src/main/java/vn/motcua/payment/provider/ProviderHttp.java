package vn.motcua.payment.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.motcua.payment.config.PaymentConfig;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON over HTTP to providers, with the configured timeout; any failure becomes {@link ProviderUnavailableException}. */
@ApplicationScoped
public class ProviderHttp {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Inject
    PaymentConfig config;
    @Inject
    ObjectMapper json;

    public JsonNode postJson(String provider, String url, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(config.providers().timeout())
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new ProviderUnavailableException(provider, "HTTP " + response.statusCode() + " from " + url);
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new ProviderUnavailableException(provider, e.getClass().getSimpleName() + " calling " + url);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException(provider, "interrupted");
        }
    }
}
