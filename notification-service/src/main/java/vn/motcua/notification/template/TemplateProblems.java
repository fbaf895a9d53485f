package vn.motcua.notification.template;

import vn.motcua.web.problem.ApiException;
import vn.motcua.web.problem.Problem;

import java.util.List;
import java.util.Set;

/** Errors of the template editor. */
public final class TemplateProblems {

    private TemplateProblems() {
    }

    /** 422: the text uses a field the event does not provide; it would be sent blank. */
    public static class UnknownField extends ApiException {
        public UnknownField(String part, Set<String> unknown, Set<String> allowed) {
            super(422, "TEMPLATE_UNKNOWN_FIELD", "Unknown personalisation field",
                    part + " uses " + unknown + ", which this template's event does not provide; allowed: " + allowed,
                    unknown.stream().map(f -> new Problem.Violation(part, "unknown field {{" + f + "}}")).toList());
        }
    }

    /** 422: a placeholder is not closed or not a field name. */
    public static class Malformed extends ApiException {
        public Malformed(String part, String detail) {
            super(422, "TEMPLATE_MALFORMED", "Malformed template", part + ": " + detail,
                    List.of(new Problem.Violation(part, detail)));
        }
    }

    /** 422: a preview was asked with values that leave a field of the text empty. */
    public static class MissingValue extends ApiException {
        public MissingValue(String field) {
            super(422, "TEMPLATE_MISSING_VALUE", "Missing personalisation value",
                    "field {{" + field + "}} has no value", List.of(new Problem.Violation("fields." + field, "no value")));
        }
    }
}
