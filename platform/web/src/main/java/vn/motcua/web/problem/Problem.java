package vn.motcua.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail, as every motcua endpoint returns it ({@code application/problem+json}).
 *
 * @param code       stable, machine-readable error code (UPPER_SNAKE); clients switch on it, never on {@code detail}
 * @param violations the fields at fault, for validation errors
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details with a stable error code")
public record Problem(
        @Schema(example = "https://motcua.vn/problems/validation-failed") URI type,
        @Schema(example = "Request is not valid") String title,
        @Schema(example = "400") int status,
        @Schema(example = "procedureCode: must not be blank") String detail,
        @Schema(example = "VALIDATION_FAILED") String code,
        @Schema(example = "/api/v1/dossiers") String instance,
        @Schema(example = "c0a80164-7f3e-4f0e-a3c6-1b2c3d4e5f60") String requestId,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://motcua.vn/problems/";

    public static Problem of(int status, String code, String title, String detail) {
        return new Problem(typeOf(code), title, status, detail, code, null, null, List.of());
    }

    public Problem withViolations(List<Violation> violations) {
        return new Problem(type, title, status, detail, code, instance, requestId, violations);
    }

    public Problem at(String instance, String requestId) {
        return new Problem(type, title, status, detail, code, instance, requestId, violations);
    }

    static URI typeOf(String code) {
        return URI.create(TYPE_BASE + code.toLowerCase().replace('_', '-'));
    }

    /** One field at fault. {@code field} is a JSON path-like name ({@code documents[0].fileName}) or a parameter name. */
    @Schema(name = "Violation")
    public record Violation(
            @Schema(example = "procedureCode") String field,
            @Schema(example = "must not be blank") String message) {
    }
}
