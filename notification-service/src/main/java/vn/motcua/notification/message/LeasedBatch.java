package vn.motcua.notification.message;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Works through a batch of rows claimed under a lease: a few at a time (bounded concurrency), while the lease of the
 * rows not finished yet is renewed every third of its length. Without the renewal a batch that takes longer than the
 * lease (a slow provider) would be claimed again by another instance and sent twice; the claim token that every
 * write-back checks is the second half of that guarantee (a sender that lost its claim cannot overwrite the new one).
 */
@ApplicationScoped
public class LeasedBatch {

    private static final Logger LOG = Logger.getLogger(LeasedBatch.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(daemon("lease-renewal"));
    private final ExecutorService senders = Executors.newCachedThreadPool(daemon("sender"));

    /**
     * Runs {@code work} for every item, at most {@code concurrency} at once, and returns when all are done.
     *
     * @param renew the SQL that moves the lease of the batch's unfinished rows forward (run in its own transaction)
     */
    public <T> void run(List<T> items, int concurrency, Duration lease, Runnable renew, Consumer<T> work) {
        if (items.isEmpty()) {
            return;
        }
        long every = Math.max(50, lease.toMillis() / 3);
        ScheduledFuture<?> renewing = renewals.scheduleAtFixedRate(() -> {
            try {
                QuarkusTransaction.requiringNew().run(renew);
            } catch (RuntimeException e) {
                LOG.warnf("could not renew a sending lease (the rows may be claimed again after it): %s", e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        try {
            List<Future<?>> running = new ArrayList<>();
            java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(Math.max(1, concurrency));
            for (T item : items) {
                slots.acquireUninterruptibly();
                running.add(senders.submit(() -> {
                    try {
                        work.accept(item);
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    LOG.errorf(e.getCause(), "sending a claimed row failed");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        } finally {
            renewing.cancel(false);
        }
    }

    @PreDestroy
    void stop() {
        renewals.shutdownNow();
        senders.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, "notification-" + name + "-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
