package vn.motcua.delivery.sla;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.delivery.config.DeliveryConfig;
import vn.motcua.delivery.order.DeliveryEventPublisher;
import vn.motcua.delivery.order.DeliveryOrder;
import vn.motcua.delivery.order.DeliveryStatus;
import vn.motcua.delivery.order.TimelineEntry;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Flags orders the operator has not picked up in time (NOT_PICKED_UP) or that show no progress on the way
 * (STUCK_IN_TRANSIT), once per stall: the flag is cleared by the next report. Several instances may run it; rows
 * are claimed with SKIP LOCKED.
 */
@ApplicationScoped
public class SlaWatch {

    public static final String NOT_PICKED_UP = "NOT_PICKED_UP";
    public static final String STUCK_IN_TRANSIT = "STUCK_IN_TRANSIT";
    private static final Logger LOG = Logger.getLogger(SlaWatch.class);
    private static final int BATCH = 200;

    @Inject
    DeliveryConfig config;
    @Inject
    DeliveryEventPublisher events;

    @Scheduled(every = "${motcua.delivery.sla.check-every:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int flagged = check(OffsetDateTime.now(CloudEventCodec.ZONE));
        if (flagged > 0) {
            LOG.warnf("SLA watch flagged %d delivery orders", flagged);
        }
    }

    /** Flags every stalled order as of {@code now}; returns how many were flagged. */
    @Transactional
    public int check(OffsetDateTime now) {
        int flagged = 0;
        List<DeliveryOrder> notPickedUp = DeliveryOrder.<DeliveryOrder>find(
                        "status = ?1 and slaBreach is null and dispatchedAt < ?2 order by dispatchedAt",
                        DeliveryStatus.DISPATCHED, now.minus(config.sla().pickupWithin()))
                .withLock(LockModeType.PESSIMISTIC_WRITE).withHint("jakarta.persistence.lock.timeout", -2)
                .page(0, BATCH).list();
        for (DeliveryOrder order : notPickedUp) {
            flag(order, NOT_PICKED_UP, order.dispatchedAt, now);
            flagged++;
        }
        List<DeliveryOrder> stuck = DeliveryOrder.<DeliveryOrder>find(
                        "status in ?1 and slaBreach is null and statusChangedAt < ?2 order by statusChangedAt",
                        List.of(DeliveryStatus.PICKED_UP, DeliveryStatus.IN_TRANSIT),
                        now.minus(config.sla().progressWithin()))
                .withLock(LockModeType.PESSIMISTIC_WRITE).withHint("jakarta.persistence.lock.timeout", -2)
                .page(0, BATCH).list();
        for (DeliveryOrder order : stuck) {
            flag(order, STUCK_IN_TRANSIT, order.statusChangedAt, now);
            flagged++;
        }
        return flagged;
    }

    private void flag(DeliveryOrder order, String breach, OffsetDateTime since, OffsetDateTime now) {
        order.slaBreach = breach;
        order.slaBreachedAt = now;
        TimelineEntry line = TimelineEntry.of(order.id, "SLA_BREACHED", order.status, now, TimelineEntry.Source.SYSTEM,
                null, breach + " since " + since);
        line.applied = false;
        line.persist();
        events.slaBreached(order, breach, since, now);
    }
}
