package vn.motcua.web.request;

import vn.motcua.web.problem.CommonProblems;

/**
 * Page-number pagination with a hard maximum page size, so no client can ask for a million rows at once.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** Validates raw query parameters; {@code null} means the default. */
    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw new CommonProblems.InvalidInput("page", "must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new CommonProblems.InvalidInput("size", "must be between 1 and " + MAX_SIZE);
        }
        return new PageRequest(p, s);
    }

    public int offset() {
        return page * size;
    }
}
