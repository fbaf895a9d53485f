package vn.motcua.dossier.tracking;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import vn.motcua.web.problem.Problem;

/** 429 TRACKING_LOCKED with {@code Retry-After}: too many wrong phone numbers for one dossier code. */
class TrackingLocked extends WebApplicationException {

    TrackingLocked(String code, long retryAfterSeconds) {
        super(Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", Long.toString(retryAfterSeconds))
                .entity(Problem.of(429, "TRACKING_LOCKED", "Too many attempts",
                        "Too many wrong phone numbers for " + code + "; retry in " + retryAfterSeconds
                                + " s, or track with the secret printed on the receipt"))
                .build());
    }
}
