package vn.motcua.web.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.motcua.web.request.RequestIds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one place where exceptions become HTTP responses: RFC 9457 problem+json with a stable {@code code}.
 * A client's mistake is a 4xx with the field at fault; only our own faults are 500, and those never leak details.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response domain(ApiException e, ContainerRequestContext request) {
        return respond(e.toProblem(), request);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, ContainerRequestContext request) {
        return respond(Problem.of(400, "MALFORMED_JSON", "Malformed JSON",
                "The request body is not valid JSON: " + e.getOriginalMessage()), request);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, ContainerRequestContext request) {
        String field = path(e);
        String message;
        if (e.getTargetType() != null && e.getTargetType().isEnum()) {
            message = "'" + e.getValue() + "' is not one of " + Arrays.stream(e.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
            return respond(Problem.of(400, "UNKNOWN_ENUM_VALUE", "Unknown value", field + ": " + message)
                    .withViolations(List.of(new Problem.Violation(field, message))), request);
        }
        message = "'" + e.getValue() + "' is not a valid " + simpleType(e.getTargetType());
        return respond(Problem.of(400, "INVALID_FIELD_TYPE", "Wrong type", field + ": " + message)
                .withViolations(List.of(new Problem.Violation(field, message))), request);
    }

    @ServerExceptionMapper
    public Response invalidValue(ValueInstantiationException e, ContainerRequestContext request) {
        String field = path(e);
        String message = e.getCause() != null ? e.getCause().getMessage() : e.getOriginalMessage();
        return respond(Problem.of(400, "VALIDATION_FAILED", "Request is not valid", field + ": " + message)
                .withViolations(List.of(new Problem.Violation(field, message))), request);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(JsonMappingException e, ContainerRequestContext request) {
        String field = path(e);
        String message = e.getOriginalMessage().replaceAll("\\s*at \\[Source.*", "").split("\n")[0];
        if (message.length() > 200) {
            message = message.substring(0, 200);
        }
        return respond(Problem.of(400, "INVALID_FIELD_TYPE", "Wrong type", field + ": " + message)
                .withViolations(List.of(new Problem.Violation(field, message))), request);
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e, ContainerRequestContext request) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            violations.add(new Problem.Violation(fieldOf(violation.getPropertyPath()), violation.getMessage()));
        }
        violations.sort(Comparator.comparing(Problem.Violation::field));
        String detail = violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return respond(Problem.of(400, "VALIDATION_FAILED", "Request is not valid", detail).withViolations(violations), request);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, ContainerRequestContext request) {
        return unauthenticated(request);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, ContainerRequestContext request) {
        return unauthenticated(request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request) {
        return respond(Problem.of(403, "FORBIDDEN", "Forbidden", "Your role does not allow this operation"), request);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleObjectStateException.class})
    public Response concurrentUpdate(Exception e, ContainerRequestContext request) {
        return respond(Problem.of(409, "VERSION_CONFLICT", "Modified by someone else",
                "The resource was changed by another request; read it again and retry"), request);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, ContainerRequestContext request) {
        // Quarkus REST wraps body-reading failures of Jackson in a 400; answer them like the unwrapped ones
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException parse) {
                return malformedJson(parse, request);
            } else if (cause instanceof com.fasterxml.jackson.core.exc.StreamReadException read) {
                return respond(Problem.of(400, "MALFORMED_JSON", "Malformed JSON",
                        "The request body is not valid JSON: " + read.getOriginalMessage()), request);
            } else if (cause instanceof InvalidFormatException format) {
                return invalidFormat(format, request);
            } else if (cause instanceof ValueInstantiationException value) {
                return invalidValue(value, request);
            } else if (cause instanceof JsonMappingException mapping) {
                return mismatchedJson(mapping, request);
            }
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e, request);
        }
        String code = switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> "HTTP_" + status;
        };
        String detail = status == 404 ? "No resource at " + request.getUriInfo().getPath() : e.getMessage();
        return respond(Problem.of(status, code, Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase(), detail), request);
    }

    /**
     * An argument a library refused (a bad date, number, UUID, enum name, a negative offset...; its message
     * may name our classes or queries, so it is logged, not returned): such values come
     * from the request, so the request is what is wrong. Answering 500 would let any client provoke server errors,
     * which count against availability (alerts, the gateway's view of the service).
     */
    @ServerExceptionMapper({IllegalArgumentException.class, java.time.DateTimeException.class})
    public Response invalidArgument(RuntimeException e, ContainerRequestContext request) {
        LOG.debugf("refused argument on %s %s: %s", request.getMethod(), request.getUriInfo().getPath(), e.getMessage());
        return respond(Problem.of(400, "INVALID_ARGUMENT", "Request is not valid",
                "A value of the request is not acceptable"), request);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response internal(Throwable e, ContainerRequestContext request) {
        String requestId = RequestIds.current(request);
        if (clientWentAway(e)) {
            // the client closed the connection while its body was being read: nobody will see this answer, and it is
            // not our error (a 5xx here would page someone for every abandoned upload)
            LOG.debugf("client went away during %s %s (request %s)", request.getMethod(), request.getUriInfo().getPath(),
                    requestId);
            return respond(Problem.of(400, "CLIENT_CLOSED_REQUEST", "Client closed the request",
                    "The connection was closed before the request body was complete"), request);
        }
        LOG.errorf(e, "unhandled error on %s %s (request %s)", request.getMethod(), request.getUriInfo().getPath(), requestId);
        return respond(Problem.of(500, "INTERNAL_ERROR", "Internal error",
                "Something went wrong on our side; quote request id " + requestId + " when reporting it"), request);
    }

    /** Whether the failure is the client's connection closing under us (Vert.x' HttpClosedException in the chain). */
    static boolean clientWentAway(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof io.vertx.core.http.HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    private Response unauthenticated(ContainerRequestContext request) {
        return Response.fromResponse(respond(Problem.of(401, "UNAUTHENTICATED", "Authentication required",
                        "A valid bearer token is required"), request))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static Response respond(Problem problem, ContainerRequestContext request) {
        Problem located = problem.at(request.getUriInfo().getPath(), RequestIds.current(request));
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(located).build();
    }

    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** {@code create.request.documents[0].name} → {@code documents[0].name}: drop the method and parameter names. */
    static String fieldOf(Path path) {
        List<String> nodes = new ArrayList<>();
        for (Path.Node node : path) {
            // a node inside a list carries the index of its container: documents[0].name has the 0 on "name"
            if (node.isInIterable() && !nodes.isEmpty()) {
                String key = node.getIndex() != null ? String.valueOf(node.getIndex())
                        : node.getKey() != null ? String.valueOf(node.getKey()) : "";
                nodes.set(nodes.size() - 1, nodes.get(nodes.size() - 1) + "[" + key + "]");
            }
            String name = node.getName() == null || node.getKind() == jakarta.validation.ElementKind.CONTAINER_ELEMENT
                    ? "" : node.getName();
            nodes.add(switch (node.getKind()) {
                case METHOD, CONSTRUCTOR -> "\u0000";
                default -> name;
            });
        }
        nodes.removeIf(String::isEmpty);
        int start = nodes.indexOf("\u0000");
        List<String> tail = start >= 0 ? nodes.subList(Math.min(start + 2, nodes.size()), nodes.size()) : nodes;
        if (tail.isEmpty() && start >= 0 && start + 1 < nodes.size()) {
            return nodes.get(start + 1); // a query or path parameter itself
        }
        return String.join(".", tail).replace(".[", "[");
    }

    private static String simpleType(Class<?> type) {
        return type == null ? "value" : type.getSimpleName();
    }
}
