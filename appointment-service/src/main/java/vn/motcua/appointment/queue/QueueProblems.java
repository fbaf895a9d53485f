package vn.motcua.appointment.queue;

import vn.motcua.web.problem.ApiException;

/** Refusals at the counter, one class per stable code. */
public final class QueueProblems {

    private QueueProblems() {
    }

    public static class QueueEmpty extends ApiException {
        public QueueEmpty(String group) {
            super(409, "QUEUE_EMPTY", "Nobody waiting", "No ticket of group " + group + " is waiting");
        }
    }

    public static class CallLimitReached extends ApiException {
        public CallLimitReached(String number, int calls) {
            super(409, "CALL_LIMIT_REACHED", "Called too often",
                    "Ticket " + number + " was called " + calls + " times; mark it as a no-show");
        }
    }

    public static class NoShowTooEarly extends ApiException {
        public NoShowTooEarly(String number, int calls) {
            super(422, "NO_SHOW_TOO_EARLY", "Too early for a no-show",
                    "Ticket " + number + " becomes a no-show after " + calls + " calls or once its slot has passed");
        }
    }

    public static class TicketWrongState extends ApiException {
        public TicketWrongState(String number, TicketStatus status, TicketStatus target) {
            super(409, "TICKET_WRONG_STATE", "Not allowed in the current state",
                    "Ticket " + number + " is " + status + " and cannot become " + target);
        }
    }
}
