package vn.motcua.web.request;

import vn.motcua.web.problem.CommonProblems;

/**
 * Page-number pagination with a hard maximum page size, so no client can ask for a million rows at once, and a hard
 * maximum depth: the offset ({@code page * size}, computed as a {@code long}) may not pass {@link #MAX_OFFSET}. An
 * {@code int} product overflowed for {@code page=21474837&size=100} into a negative offset that the database refused
 * with a 500; a deep offset also costs the database in proportion to its depth. Capped here, every
 * {@code setFirstResult(offset())} and Panache {@code Page.of(page, size)} (which multiplies as {@code int}) stays in
 * range.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** The deepest offset a list can be read from; nobody pages through more by hand (narrow the filters instead). */
    public static final int MAX_OFFSET = 100_000;

    public PageRequest {
        if (page < 0) {
            throw new CommonProblems.InvalidInput("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new CommonProblems.InvalidInput("size", "must be between 1 and " + MAX_SIZE);
        }
        if ((long) page * size > MAX_OFFSET) {
            throw new CommonProblems.InvalidInput("page",
                    "pages reach at most the first " + MAX_OFFSET + " items; narrow the filters");
        }
    }

    /** Validates raw query parameters; {@code null} means the default. */
    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    /** The first row of the page, at most {@link #MAX_OFFSET} (so it fits an {@code int} for JPA). */
    public int offset() {
        return Math.toIntExact(Math.min((long) page * size, MAX_OFFSET));
    }
}
