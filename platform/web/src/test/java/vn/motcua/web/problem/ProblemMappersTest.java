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
    void field_names_put_list_indexes_on_the_list() {
        var violations = validator.validate(new ServicePoint(" ", List.of(new Quota(1), new Quota(-1)), List.of("a", "")));
        assertThat(violations).extracting(v -> ProblemMappers.fieldOf(v.getPropertyPath()))
                .containsExactlyInAnyOrder("name", "procedures[1].publicQuota", "tags[1]");
    }
}
