package vn.motcua.messaging.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import vn.motcua.messaging.MessagingConfig;
import vn.motcua.messaging.inbox.LedgerRetention;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the {@link OutboxPublisher} on a background thread for the life of the service: woken right after a commit
 * that wrote events, polling otherwise (for rows of other instances and after failures), backing off exponentially
 * while Kafka is unreachable, and deleting sent rows after the retention period.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration CLEANUP_EVERY = Duration.ofMinutes(10);

    private final DataSource dataSource;
    private final MessagingConfig config;
    private final MeterRegistry meters;
    private final Semaphore work = new Semaphore(0);
    private final AtomicLong pending = new AtomicLong();
    private volatile boolean running;
    private volatile String lastError;
    private Thread thread;
    private OutboxPublisher publisher;
    private LedgerRetention ledgerRetention;

    @Inject
    public OutboxRelay(DataSource dataSource, MessagingConfig config, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.config = config;
        this.meters = meters;
    }

    void onStart(@Observes StartupEvent startup) {
        if (!config.relay().enabled()) {
            LOG.info("outbox relay disabled (motcua.messaging.relay.enabled=false)");
            return;
        }
        ledgerRetention = new LedgerRetention(dataSource, config.consumer().ledgerPurgeBatch());
        publisher = new OutboxPublisher(dataSource,
                OutboxPublisher.producer(config.bootstrapServers(), config.source().replace("/", "") + "-outbox"),
                config.relay().shards(), config.relay().batchSize());
        Gauge.builder("motcua.outbox.pending", pending, AtomicLong::get)
                .description("outbox rows not yet acknowledged by Kafka").register(meters);
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (thread != null) {
            work.release();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            publisher.close();
        }
    }

    /** Called after a commit that wrote outbox rows. */
    public void wakeUp() {
        work.release();
    }

    /** The last publishing failure, or {@code null} when the last round succeeded. */
    public String lastError() {
        return lastError;
    }

    private void run() {
        int failures = 0;
        int firstShard = 0;
        Instant nextCleanup = Instant.now();
        while (running) {
            try {
                int published = publisher.publishPending(firstShard++);
                if (failures > 0) {
                    LOG.infof("outbox relay: Kafka reachable again after %d failed rounds", failures);
                }
                failures = 0;
                lastError = null;
                if (Instant.now().isAfter(nextCleanup)) {
                    int deleted = publisher.deleteSentBefore(config.relay().retention());
                    if (deleted > 0) {
                        LOG.debugf("outbox relay: deleted %d sent rows older than %s", deleted, config.relay().retention());
                    }
                    int forgotten = ledgerRetention.purgeOlderThan(config.consumer().ledgerRetention());
                    if (forgotten > 0) {
                        LOG.debugf("deleted %d processed-event rows older than %s", forgotten, config.consumer().ledgerRetention());
                    }
                    nextCleanup = Instant.now().plus(CLEANUP_EVERY);
                }
                pending.set(publisher.pendingCount());
                if (published == 0) {
                    awaitWork(config.relay().pollInterval());
                }
            } catch (SQLException | RuntimeException e) {
                failures++;
                lastError = e.getMessage();
                if (failures == 1 || failures % 20 == 0) {
                    LOG.warnf("outbox relay: %s (attempt %d; rows stay in the outbox and will be retried)",
                            e.getMessage(), failures);
                }
                awaitWork(backoff(failures));
            }
        }
    }

    private Duration backoff(int failures) {
        long millis = Math.min(config.relay().maxBackoff().toMillis(), 200L << Math.min(failures, 10));
        return Duration.ofMillis(millis);
    }

    private void awaitWork(Duration timeout) {
        try {
            if (work.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                work.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
