package vn.motcua.web.request;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Correlation: takes the caller's (the gateway's) {@code X-Request-Id} or makes one, logs with it (MDC key
 * {@code requestId}) and returns it, so one request can be followed across services and in problem responses.
 */
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final String PROPERTY = "motcua.requestId";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        String id = given != null && ACCEPTABLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.setProperty(PROPERTY, id);
        MDC.put("requestId", id);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(HEADER, current(request));
    }

    public static String current(ContainerRequestContext request) {
        Object id = request.getProperty(PROPERTY);
        return id == null ? "none" : id.toString();
    }
}
