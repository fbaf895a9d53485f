package vn.motcua.web.request;

import java.util.List;

/** One page of a list, with the total so that clients can render page links. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
