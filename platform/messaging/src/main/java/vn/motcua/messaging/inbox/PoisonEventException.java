package vn.motcua.messaging.inbox;

/**
 * A handler's verdict that an event can never be handled as it stands (e.g. a payload that breaks the contract):
 * straight to the dead letters, no retries. Any other exception means "try again later".
 */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
