package vn.motcua.messaging.deadletter;

import vn.motcua.web.problem.ApiException;

/** Why a dead letter was not replayed. */
public final class DeadLetterProblems {

    private DeadLetterProblems() {
    }

    public abstract static class ReplayProblem extends ApiException {
        ReplayProblem(int status, String code, String title, String detail) {
            super(status, code, title, detail);
        }
    }

    /** 409: there is nothing a handler could be given (unreadable record, handler gone). */
    public static class NotReplayable extends ReplayProblem {
        NotReplayable(long id, String why) {
            super(409, "DEAD_LETTER_NOT_REPLAYABLE", "Dead letter cannot be replayed", "dead letter " + id + ": " + why);
        }
    }

    /** 422: the handler refused the event again (its poison verdict stands: fix the data or the handler first). */
    public static class StillRefused extends ReplayProblem {
        StillRefused(long id, String reason) {
            super(422, "DEAD_LETTER_STILL_REFUSED", "The handler refused the event again",
                    "dead letter " + id + ": " + reason);
        }
    }

    /** 503: the handler failed for a passing reason (database, broker, dependency); try again later. */
    public static class HandlerUnavailable extends ReplayProblem {
        HandlerUnavailable(long id, String reason) {
            super(503, "DEAD_LETTER_HANDLER_UNAVAILABLE", "The handler is unavailable",
                    "dead letter " + id + " was not replayed: " + reason);
        }
    }
}
