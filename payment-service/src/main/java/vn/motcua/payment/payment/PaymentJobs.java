package vn.motcua.payment.payment;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import vn.motcua.contracts.events.CloudEventCodec;

import java.time.OffsetDateTime;

/**
 * Scheduled work: query PENDING payments that got no notification, expire obligations whose window closed, and
 * send again the refunds whose provider answer was never recorded, and delete expired samples of rejected notifications.
 * Safe with several instances: each payment / obligation is settled under a row lock in its own transaction.
 */
@ApplicationScoped
public class PaymentJobs {

    private static final Logger LOG = Logger.getLogger(PaymentJobs.class);

    @Inject
    PaymentService payments;
    @Inject
    vn.motcua.payment.notification.RejectedNotifications rejectedNotifications;
    @Inject
    vn.motcua.payment.refund.RefundService refunds;

    @Scheduled(every = "${motcua.payment.jobs.every:60s}", delayed = "${motcua.payment.jobs.delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        queryPending();
        expireDue();
        try {
            refunds.resendDue(OffsetDateTime.now(CloudEventCodec.ZONE));
        } catch (RuntimeException e) {
            LOG.warnf("resending unconfirmed refunds failed: %s (tried again next round)", e.getMessage());
        }
        try {
            int purged = rejectedNotifications.purge(OffsetDateTime.now(CloudEventCodec.ZONE));
            if (purged > 0) {
                LOG.infof("deleted %d expired samples of rejected notifications", purged);
            }
        } catch (RuntimeException e) {
            LOG.warnf("purge of rejected notifications failed: %s (tried again next round)", e.getMessage());
        }
    }

    /** @return how many payments were settled */
    public int queryPending() {
        int settled = 0;
        OffsetDateTime now = OffsetDateTime.now(CloudEventCodec.ZONE);
        for (String id : payments.pendingDueForQuery(now, 100)) {
            try {
                if (payments.queryAndSettle(id, now).filter(s -> s != PaymentStatus.PENDING).isPresent()) {
                    settled++;
                }
            } catch (RuntimeException e) {
                LOG.warnf("query of pending payment %s failed: %s (tried again next round)", id, e.getMessage());
            }
        }
        return settled;
    }

    /** @return how many obligations expired */
    public int expireDue() {
        int expired = 0;
        OffsetDateTime now = OffsetDateTime.now(CloudEventCodec.ZONE);
        for (String id : payments.obligationsDueForExpiry(now, 100)) {
            try {
                if (payments.expire(id, now)) {
                    expired++;
                }
            } catch (RuntimeException e) {
                LOG.warnf("expiry of obligation %s failed: %s (tried again next round)", id, e.getMessage());
            }
        }
        return expired;
    }
}
