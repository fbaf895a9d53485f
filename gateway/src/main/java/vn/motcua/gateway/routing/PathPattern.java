package vn.motcua.gateway.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * A route's path pattern: literal segments, {@code *} or {@code {name}} for exactly one segment, and a trailing
 * {@code **} for any rest, including nothing ({@code /api/v1/dossiers/**} matches {@code /api/v1/dossiers} too).
 * Plain Java; matching is on the normalised path.
 */
public final class PathPattern {

    private final String template;
    private final List<String> segments;
    private final boolean anyRest;
    private final int literalCount;

    private PathPattern(String template, List<String> segments, boolean anyRest) {
        this.template = template;
        this.segments = segments;
        this.anyRest = anyRest;
        this.literalCount = (int) segments.stream().filter(s -> !isVariable(s)).count();
    }

    public static PathPattern parse(String template) {
        if (template == null || !template.startsWith("/")) {
            throw new IllegalArgumentException("a route path must start with '/': " + template);
        }
        List<String> parts = split(template);
        boolean anyRest = !parts.isEmpty() && parts.get(parts.size() - 1).equals("**");
        if (anyRest) {
            parts = parts.subList(0, parts.size() - 1);
        }
        for (String part : parts) {
            if (part.contains("**")) {
                throw new IllegalArgumentException("'**' is allowed only as the last segment: " + template);
            }
        }
        return new PathPattern(template, List.copyOf(parts), anyRest);
    }

    public boolean matches(String path) {
        return matches(split(path));
    }

    /** Matches a path already split into segments ({@link #segments(String)}), so a table splits it once. */
    public boolean matches(List<String> parts) {
        if (parts.size() < segments.size() || (!anyRest && parts.size() != segments.size())) {
            return false;
        }
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (!isVariable(segment) && !segment.equals(parts.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Higher is more specific: literal segments weigh most, then any fixed segment, and a pattern without a
     * trailing {@code **} beats one with it.
     */
    public int specificity() {
        return literalCount * 100 + segments.size() * 10 + (anyRest ? 0 : 1);
    }

    public String template() {
        return template;
    }

    /** A concrete path this pattern matches (variables filled with {@code sample}), for tests and probes. */
    public String example(String sample) {
        StringBuilder out = new StringBuilder();
        for (String segment : segments) {
            out.append('/').append(isVariable(segment) ? sample : segment);
        }
        if (anyRest) {
            out.append('/').append(sample);
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    private static boolean isVariable(String segment) {
        return segment.equals("*") || (segment.startsWith("{") && segment.endsWith("}"));
    }

    public static List<String> segments(String path) {
        return split(path);
    }

    private static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }

    @Override
    public String toString() {
        return template;
    }
}
