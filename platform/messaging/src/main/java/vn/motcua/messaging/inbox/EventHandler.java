package vn.motcua.messaging.inbox;

import vn.motcua.contracts.events.CloudEvent;

import java.util.Set;

/**
 * A service's reaction to events of other services. Implement it as a CDI bean; the {@link EventConsumer} finds it.
 *
 * <p>{@link #handle} runs inside a transaction that also records the event id as processed by this handler, so a
 * redelivered event has no second effect. Any exception rolls the transaction back and the event is retried with
 * backoff for as long as it fails (a database or a dependency that is away comes back): nothing is dead-lettered
 * for trouble that passes. Throw {@link PoisonEventException} for an event that can never succeed (a payload that
 * breaks the contract): it goes to the dead-letter table and topic at once, and an operator can replay it after a
 * fix.
 */
public interface EventHandler {

    /** Topics this handler reads. */
    Set<String> topics();

    /** Event types it acts on; other types on those topics are skipped (consumers ignore unknown types). */
    Set<String> eventTypes();

    void handle(CloudEvent event);

    /** Identifies the handler in the processed-event table; stable across releases. */
    default String name() {
        String name = getClass().getSimpleName();
        return name.endsWith("_Subclass") ? name.substring(0, name.length() - "_Subclass".length()) : name;
    }
}
