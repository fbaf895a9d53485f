package vn.motcua.notification.template;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A template text with personalisation fields written {@code {{fieldName}}} (spaces inside the braces allowed).
 * Parsing finds malformed placeholders; rendering refuses to leave a field blank.
 */
public final class TemplateText {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    private final String text;
    private final List<Object> parts; // String literal or Field

    private record Field(String name) {
    }

    private TemplateText(String text, List<Object> parts) {
        this.text = text;
        this.parts = parts;
    }

    /** @throws Malformed for an unclosed {@code {{} or a placeholder that is not a field name */
    public static TemplateText parse(String text) {
        List<Object> parts = new ArrayList<>();
        int at = 0;
        while (true) {
            int open = text.indexOf("{{", at);
            if (open < 0) {
                parts.add(text.substring(at));
                break;
            }
            int close = text.indexOf("}}", open + 2);
            if (close < 0) {
                throw new Malformed("'{{' at position " + open + " is never closed with '}}'");
            }
            String name = text.substring(open + 2, close).trim();
            if (!NAME.matcher(name).matches()) {
                throw new Malformed("'{{" + text.substring(open + 2, close) + "}}' is not a field name (letters and digits)");
            }
            parts.add(text.substring(at, open));
            parts.add(new Field(name));
            at = close + 2;
        }
        return new TemplateText(text, parts);
    }

    public Set<String> fields() {
        Set<String> fields = new LinkedHashSet<>();
        for (Object part : parts) {
            if (part instanceof Field field) {
                fields.add(field.name());
            }
        }
        return fields;
    }

    /** @throws MissingValue when a field of the text has no value: a notice is never sent with a blank */
    public String render(Map<String, String> values) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        for (Object part : parts) {
            if (part instanceof Field field) {
                String value = values.get(field.name());
                if (value == null || value.isBlank()) {
                    throw new MissingValue(field.name());
                }
                out.append(value);
            } else {
                out.append((String) part);
            }
        }
        return out.toString();
    }

    public static final class Malformed extends RuntimeException {
        public Malformed(String message) {
            super(message);
        }
    }

    public static final class MissingValue extends RuntimeException {
        private final String field;

        public MissingValue(String field) {
            super("personalisation field '" + field + "' has no value");
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
