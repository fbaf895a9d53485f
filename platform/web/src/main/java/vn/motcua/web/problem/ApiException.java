package vn.motcua.web.problem;

import java.util.List;

/**
 * Base of every domain error that reaches a client. A subclass per error (e.g. {@code DossierNotFoundException})
 * fixes its HTTP status and stable code; {@link ProblemMappers} turns it into problem+json in one place.
 */
public abstract class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final List<Problem.Violation> violations;

    protected ApiException(int status, String code, String title, String detail) {
        this(status, code, title, detail, List.of());
    }

    protected ApiException(int status, String code, String title, String detail, List<Problem.Violation> violations) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public Problem toProblem() {
        return Problem.of(status, code, title, getMessage()).withViolations(violations);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
