package vn.motcua.notification.retention;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.notification.config.NotificationConfig;

import java.time.OffsetDateTime;

/**
 * Deletes {@code idempotency_record} rows older than the retention ({@code motcua.notification.idempotency-retention},
 * 7 days): a key only protects a client retrying a request it lost the answer to, so keeping records forever only
 * grows the table. Batches of {@value #BATCH} under {@code skip locked}, so several instances can run it at once.
 */
@ApplicationScoped
public class IdempotencyRetention {

    private static final Logger LOG = Logger.getLogger(IdempotencyRetention.class);
    static final int BATCH = 1000;

    @Inject
    EntityManager entityManager;
    @Inject
    NotificationConfig config;

    @Scheduled(every = "${motcua.notification.retention-interval:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int deleted = purge(OffsetDateTime.now(CloudEventCodec.ZONE).minus(config.idempotencyRetention()));
        if (deleted > 0) {
            LOG.infof("idempotency records older than %s deleted: %d", config.idempotencyRetention(), deleted);
        }
    }

    /** Deletes every record created before {@code cutoff}; returns how many. */
    int purge(OffsetDateTime cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                            delete from idempotency_record where ctid in (
                                select ctid from idempotency_record where created_at < ?1
                                limit ?2 for update skip locked)""")
                    .setParameter(1, cutoff).setParameter(2, BATCH).executeUpdate());
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
