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
    void field_names_put_list_indexes_on_the_list() {
        var violations = validator.validate(new ServicePoint(" ", List.of(new Quota(1), new Quota(-1)), List.of("a", "")));
        assertThat(violations).extracting(v -> ProblemMappers.fieldOf(v.getPropertyPath()))
                .containsExactlyInAnyOrder("name", "procedures[1].publicQuota", "tags[1]");
    }
}
