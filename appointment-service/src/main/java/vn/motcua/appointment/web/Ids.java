package vn.motcua.appointment.web;

import vn.motcua.web.problem.CommonProblems;

import java.util.UUID;

/** Path ids: a malformed id names nothing, so it is a 404 like any id the caller may not see. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String what, String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new CommonProblems.NotFound(what, id.length() > 60 ? id.substring(0, 60) : id);
        }
    }
}
