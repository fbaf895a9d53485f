package vn.motcua.web.request;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.motcua.web.problem.Problem;

/**
 * A declared body over {@code quarkus.http.limits.max-body-size} is answered here, before anything reads it, with
 * problem+json (code BODY_TOO_LARGE) instead of the HTTP layer's bare 413. Bodies without a Content-Length are
 * still cut off by the HTTP layer itself.
 */
@ApplicationScoped
public class BodySizeLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String declared = context.request().getHeader("Content-Length");
            if (declared != null && parse(declared) > limit) {
                JsonObject problem = new JsonObject()
                        .put("type", "https://motcua.vn/problems/body-too-large")
                        .put("title", "Request body too large")
                        .put("status", 413)
                        .put("detail", "the body declares " + declared.trim() + " bytes; this service accepts at most " + limit)
                        .put("code", "BODY_TOO_LARGE")
                        .put("instance", context.request().path());
                context.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(problem.encode());
                return;
            }
            context.next();
        });
    }

    private static long parse(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
