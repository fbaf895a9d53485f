package vn.motcua.web.request;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Forgets idempotency records older than {@code motcua.idempotency.retention} (default 7 days: a client retries a
 * creation within minutes, not weeks), in batches. Safe with several instances: each batch skips the rows another
 * instance is deleting, and deleting a row twice is no harm.
 */
@ApplicationScoped
public class IdempotencyRetention {

    private static final Logger LOG = Logger.getLogger(IdempotencyRetention.class);
    static final int BATCH = 1000;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "motcua.idempotency.retention", defaultValue = "P7D")
    Duration retention;

    @Scheduled(every = "${motcua.idempotency.retention-every:1h}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expire() {
        int total = 0;
        int deleted;
        do {
            deleted = deleteBatch(OffsetDateTime.now(ZoneOffset.UTC).minus(retention));
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            LOG.infof("idempotency retention: %d record(s) older than %s forgotten", total, retention);
        }
    }

    /** One batch of records created before {@code cutoff}; the number deleted. */
    @Transactional
    public int deleteBatch(OffsetDateTime cutoff) {
        return entityManager.createNativeQuery("""
                        delete from idempotency_record where ctid in (
                          select ctid from idempotency_record where created_at < ?1 limit ?2 for update skip locked)""")
                .setParameter(1, cutoff).setParameter(2, BATCH).executeUpdate();
    }
}
