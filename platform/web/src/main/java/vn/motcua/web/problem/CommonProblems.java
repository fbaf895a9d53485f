package vn.motcua.web.problem;

import java.util.List;

/** Errors every service shares. Service-specific errors live in the service's own feature packages. */
public final class CommonProblems {

    private CommonProblems() {
    }

    /** 404 for a resource that does not exist <em>or that the caller may not see</em>: we never confirm its existence. */
    public static class NotFound extends ApiException {
        public NotFound(String what, String id) {
            super(404, "NOT_FOUND", "Not found", what + " " + id + " does not exist or is not visible to you");
        }
    }

    /** 400 for input that is well-formed JSON but wrong. */
    public static class InvalidInput extends ApiException {
        public InvalidInput(String field, String message) {
            super(400, "VALIDATION_FAILED", "Request is not valid", field + ": " + message,
                    List.of(new Problem.Violation(field, message)));
        }
    }

    /** 409 for an action that the resource's current state does not allow. */
    public static class WrongState extends ApiException {
        public WrongState(String code, String detail) {
            super(409, code, "Not allowed in the current state", detail);
        }
    }

    /** 409 for a stale version ({@code If-Match} / version field). */
    public static class VersionConflict extends ApiException {
        public VersionConflict(String what, long expected, long actual) {
            super(409, "VERSION_CONFLICT", "Modified by someone else",
                    what + " is at version " + actual + ", the request was based on version " + expected);
        }
    }

    /** 422 for a business rule that refuses an otherwise valid request. */
    public static class RuleViolated extends ApiException {
        public RuleViolated(String code, String detail) {
            super(422, code, "Refused by a business rule", detail);
        }
    }

    /** 403 for an authenticated caller acting outside their scope. */
    public static class Forbidden extends ApiException {
        public Forbidden(String detail) {
            super(403, "FORBIDDEN", "Forbidden", detail);
        }
    }

    /** 409 for an Idempotency-Key reused with a different request body. */
    public static class IdempotencyKeyReused extends ApiException {
        public IdempotencyKeyReused(String key) {
            super(409, "IDEMPOTENCY_KEY_REUSED", "Idempotency key reused",
                    "Idempotency-Key " + key + " was used before with a different request body");
        }
    }
}
