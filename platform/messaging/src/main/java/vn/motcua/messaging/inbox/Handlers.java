package vn.motcua.messaging.inbox;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import vn.motcua.contracts.events.CloudEvent;

import java.util.List;
import java.util.Optional;

/**
 * The service's {@link EventHandler}s and the one way of running them: in a new transaction, with a request
 * context, recording the event in the processed-event ledger first. The consumer and the dead-letter replay share
 * it, so a replay is exactly a delivery (and a second replay has no second effect).
 */
@ApplicationScoped
public class Handlers {

    @Inject
    Instance<EventHandler> beans;
    @Inject
    ProcessedEvents processedEvents;

    private List<EventHandler> handlers;

    @PostConstruct
    void collect() {
        handlers = beans.stream().toList();
    }

    public List<EventHandler> all() {
        return handlers;
    }

    public Optional<EventHandler> named(String name) {
        return handlers.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    /** Runs the handler unless the ledger says it processed the event before. */
    public void handleOnce(EventHandler handler, CloudEvent event) {
        handleOnce(handler, event, () -> { });
    }

    /** As {@link #handleOnce(EventHandler, CloudEvent)}, with {@code alsoInTransaction} committed together. */
    public void handleOnce(EventHandler handler, CloudEvent event, Runnable alsoInTransaction) {
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (processedEvents.markProcessed(handler.name(), event)) {
                    handler.handle(event);
                }
                alsoInTransaction.run();
            });
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }
}
