package vn.motcua.messaging.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.messaging.MessagingConfig;

/**
 * Records an event in the outbox table, inside the caller's transaction: the event exists exactly when the state
 * change it reports is committed. The {@link OutboxRelay} publishes it to Kafka afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final MessagingConfig config;

    @Inject
    public Outbox(EntityManager entityManager, TransactionSynchronizationRegistry transactions, OutboxRelay relay,
                  MessagingConfig config) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.relay = relay;
        this.config = config;
    }

    /**
     * Builds a CloudEvent for {@code payload} and records it.
     *
     * @param key the Kafka record key: the dossier id, or the aggregate id where there is no dossier
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent publish(String topic, String key, String type, Object payload) {
        CloudEvent event = CloudEventCodec.create(config.source(), type, key, payload);
        append(topic, key, event);
        return event;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String topic, String key, CloudEvent event) {
        entityManager.createNativeQuery("""
                        insert into outbox_event (event_id, topic, event_key, shard, event_type, payload)
                        values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, event.id())
                .setParameter(2, topic)
                .setParameter(3, key)
                .setParameter(4, shardOf(key, config.relay().shards()))
                .setParameter(5, event.type())
                .setParameter(6, CloudEventCodec.writeString(event))
                .executeUpdate();
        transactions.registerInterposedSynchronization(new WakeRelayAfterCommit(relay));
    }

    static int shardOf(String key, int shards) {
        return Math.floorMod(key.hashCode(), shards);
    }

    /** Publishing right after commit keeps event latency low without polling the table hard. */
    private record WakeRelayAfterCommit(OutboxRelay relay) implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wakeUp();
            }
        }
    }
}
