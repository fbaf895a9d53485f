package vn.motcua.web.problem;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemMappersTest {

    record Quota(@Min(0) int publicQuota) {
    }

    record ServicePoint(@NotBlank String name, List<@Valid Quota> procedures, List<@NotBlank String> tags) {
    }

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void a_connection_the_client_closed_is_told_apart_from_our_own_errors() {
        var closed = new io.vertx.core.http.HttpClosedException("Connection was closed");
        // as RESTEasy Reactive reports an upload cut off by the client
        assertThat(ProblemMappers.clientWentAway(new java.io.IOException(new java.io.IOException(closed)))).isTrue();
        assertThat(ProblemMappers.clientWentAway(closed)).isTrue();
        assertThat(ProblemMappers.clientWentAway(new java.io.IOException("disk full"))).isFalse();
        assertThat(ProblemMappers.clientWentAway(new IllegalStateException(new NullPointerException()))).isFalse();
    }

    @Test
    void an_argument_a_library_refused_is_the_clients_mistake_a_400_that_does_not_echo_internals() {
        var mappers = new ProblemMappers();
        for (RuntimeException refused : List.<RuntimeException>of(
                new IllegalArgumentException("org.hibernate.query.QueryArgumentException: firstResult -2147483596"),
                new NumberFormatException("For input string: \"x\""),
                new java.time.format.DateTimeParseException("Text '2026-13-45' could not be parsed", "2026-13-45", 5))) {
            var response = mappers.invalidArgument(refused, request("/api/v1/procedures"));
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
            Problem problem = (Problem) response.getEntity();
            assertThat(problem.code()).isEqualTo("INVALID_ARGUMENT");
            assertThat(problem.detail()).doesNotContain("hibernate").doesNotContain("2147483596");
        }
    }

    /** The little of a request the mappers read: its path and the request id property. */
    private static jakarta.ws.rs.container.ContainerRequestContext request(String path) {
        jakarta.ws.rs.core.UriInfo uri = (jakarta.ws.rs.core.UriInfo) java.lang.reflect.Proxy.newProxyInstance(
                getClassLoader(), new Class<?>[] {jakarta.ws.rs.core.UriInfo.class},
                (proxy, method, args) -> method.getName().equals("getPath") ? path : null);
        return (jakarta.ws.rs.container.ContainerRequestContext) java.lang.reflect.Proxy.newProxyInstance(getClassLoader(),
                new Class<?>[] {jakarta.ws.rs.container.ContainerRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getUriInfo" -> uri;
                    case "getMethod" -> "GET";
                    default -> null;
                });
    }

    private static ClassLoader getClassLoader() {
        return ProblemMappersTest.class.getClassLoader();
    }

    @Test
    void field_names_put_list_indexes_on_the_list() {
        var violations = validator.validate(new ServicePoint(" ", List.of(new Quota(1), new Quota(-1)), List.of("a", "")));
        assertThat(violations).extracting(v -> ProblemMappers.fieldOf(v.getPropertyPath()))
                .containsExactlyInAnyOrder("name", "procedures[1].publicQuota", "tags[1]");
    }
}
