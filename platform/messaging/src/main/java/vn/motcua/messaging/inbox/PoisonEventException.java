package vn.motcua.messaging.inbox;

/** An event that can never be handled (e.g. a payload that breaks the contract): straight to the dead-letter topic. */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
