package vn.motcua.gateway.edge;

import io.vertx.ext.web.RoutingContext;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Correlation ids: the caller's {@code X-Request-Id} when it is sane (same rule as platform/web's RequestIds, so
 * the services keep the id the gateway passes on), a new UUID otherwise.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String KEY = "motcua.requestId";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private RequestIds() {
    }

    static String assign(RoutingContext ctx) {
        String given = ctx.request().getHeader(HEADER);
        String id = given != null && ACCEPTABLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ctx.put(KEY, id);
        return id;
    }

    public static String of(RoutingContext ctx) {
        return ctx.get(KEY);
    }
}
