package vn.motcua.notification.webhook;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts one webhook to a vetted {@link WebhookDestinations.Destination}. The connection goes to the pinned address
 * (Vert.x {@code RequestOptions.server}) while the Host header, TLS SNI and the certificate check use the URL's host
 * name, so nothing is resolved again after the vetting. Redirects are not followed (a 3xx is a failed attempt: a
 * redirect could lead inside), the answer's body is never read, and connections are not kept (each delivery is
 * vetted afresh).
 */
@ApplicationScoped
public class WebhookClient {

    /** The receiver's HTTP status, or why there was none. */
    public record Answer(Integer status, String error) {
    }

    @Inject
    Vertx vertx;

    private HttpClient http;

    @PostConstruct
    void start() {
        http = vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(false)
                .setVerifyHost(true)
                .setConnectTimeout(5_000)
                .setMaxPoolSize(16));
    }

    @PreDestroy
    void stop() {
        http.close();
    }

    /** Blocks the calling (worker) thread at most {@code timeout} plus a margin. */
    public Answer post(WebhookDestinations.Destination destination, Map<String, String> headers, String body, Duration timeout) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(destination.address(), destination.port())))
                .setHost(destination.host())
                .setPort(destination.port())
                .setSsl(destination.tls())
                .setURI(destination.requestUri())
                .setFollowRedirects(false)
                .setTimeout(timeout.toMillis());
        headers.forEach(options::putHeader);
        try {
            int status = http.request(options)
                    .compose(request -> request.send(Buffer.buffer(body)))
                    .map(response -> {
                        // only the status counts: close the connection instead of reading a body we do not keep
                        response.exceptionHandler(ignored -> {
                        });
                        response.request().connection().close();
                        return response.statusCode();
                    })
                    .toCompletionStage().toCompletableFuture()
                    .get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
            return new Answer(status, null);
        } catch (TimeoutException e) {
            return new Answer(null, "receiver did not answer in time");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Answer(null, "receiver unreachable: " + describe(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, "interrupted");
        }
    }

    /** The kind of failure only: exception messages of TLS and socket errors can be long and say nothing useful. */
    private static String describe(Throwable cause) {
        String kind = cause.getClass().getSimpleName();
        String message = cause.getMessage();
        if (message == null) {
            return kind;
        }
        String firstLine = message.lines().findFirst().orElse("");
        return kind + " " + (firstLine.length() > 120 ? firstLine.substring(0, 120) : firstLine);
    }
}
