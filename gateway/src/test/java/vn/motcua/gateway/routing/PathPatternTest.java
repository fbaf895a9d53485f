package vn.motcua.gateway.routing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PathPatternTest {

    @Test
    void trailing_double_star_matches_the_prefix_itself_and_anything_below() {
        PathPattern pattern = PathPattern.parse("/api/v1/dossiers/**");
        assertThat(pattern.matches("/api/v1/dossiers")).isTrue();
        assertThat(pattern.matches("/api/v1/dossiers/")).isTrue();
        assertThat(pattern.matches("/api/v1/dossiers/d-1")).isTrue();
        assertThat(pattern.matches("/api/v1/dossiers/d-1/documents/x")).isTrue();
        assertThat(pattern.matches("/api/v1/dossiersX")).isFalse();
        assertThat(pattern.matches("/api/v1")).isFalse();
        assertThat(pattern.matches("/api/v1/procedures")).isFalse();
    }

    @Test
    void variables_match_exactly_one_segment() {
        PathPattern pattern = PathPattern.parse("/api/v1/dossiers/{dossierId}/documents/**");
        assertThat(pattern.matches("/api/v1/dossiers/d-1/documents")).isTrue();
        assertThat(pattern.matches("/api/v1/dossiers/d-1/documents/f.pdf")).isTrue();
        assertThat(pattern.matches("/api/v1/dossiers/documents")).isFalse();
        assertThat(pattern.matches("/api/v1/dossiers/d-1/receive")).isFalse();
        PathPattern star = PathPattern.parse("/api/v1/dossiers/*");
        assertThat(star.matches("/api/v1/dossiers/d-1")).isTrue();
        assertThat(star.matches("/api/v1/dossiers/d-1/x")).isFalse();
        assertThat(star.matches("/api/v1/dossiers")).isFalse();
    }

    @Test
    void more_literal_segments_are_more_specific() {
        assertThat(PathPattern.parse("/api/v1/appointments/service-points/**").specificity())
                .isGreaterThan(PathPattern.parse("/api/v1/appointments/**").specificity());
        assertThat(PathPattern.parse("/api/v1/dossiers/{id}/documents/**").specificity())
                .isGreaterThan(PathPattern.parse("/api/v1/dossiers/**").specificity());
        assertThat(PathPattern.parse("/api/v1/dossiers/*").specificity())
                .isGreaterThan(PathPattern.parse("/api/v1/dossiers/**").specificity());
    }

    @Test
    void examples_are_matched_by_their_pattern() {
        for (String template : new String[]{"/api/v1/dossiers/**", "/api/v1/dossiers/{id}/documents/**", "/a/*/b"}) {
            PathPattern pattern = PathPattern.parse(template);
            assertThat(pattern.matches(pattern.example("x1"))).as(template).isTrue();
        }
    }

    @Test
    void malformed_patterns_are_refused() {
        assertThatThrownBy(() -> PathPattern.parse("api/v1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PathPattern.parse("/api/**/x")).isInstanceOf(IllegalArgumentException.class);
    }
}
