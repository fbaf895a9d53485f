package vn.motcua.messaging.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.motcua.contracts.events.CloudEvent;

/** The idempotent-consumer ledger: which handler has processed which event. */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager entityManager;

    /**
     * Records that {@code consumer} processes {@code event} in the current transaction.
     *
     * @return false if it was processed before (by this instance or another one: the primary key serialises
     * concurrent attempts, the second waits for the first to commit and then sees the conflict)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markProcessed(String consumer, CloudEvent event) {
        return entityManager.createNativeQuery("""
                        insert into processed_event (consumer, event_id, event_type) values (?1, ?2, ?3)
                        on conflict do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .executeUpdate() == 1;
    }
}
