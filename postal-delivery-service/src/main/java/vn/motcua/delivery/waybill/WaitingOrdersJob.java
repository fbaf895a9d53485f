package vn.motcua.delivery.waybill;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import vn.motcua.delivery.order.OrderService;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Retries orders in WAITING_FOR_WAYBILL (a range may have been added directly in the database or by another
 * instance) and keeps the gauge {@code motcua.delivery.orders.waiting} that the alert watches.
 */
@ApplicationScoped
public class WaitingOrdersJob {

    private static final Logger LOG = Logger.getLogger(WaitingOrdersJob.class);

    @Inject
    OrderService orders;
    @Inject
    EntityManager entityManager;
    @Inject
    MeterRegistry meters;

    private final AtomicLong waiting = new AtomicLong();

    void register(@Observes StartupEvent startup) {
        Gauge.builder("motcua.delivery.orders.waiting", waiting, AtomicLong::get)
                .description("orders waiting for a waybill number").register(meters);
    }

    @Scheduled(every = "${motcua.delivery.waybill-retry-every:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() {
        for (String operator : orders.operatorsWithWaitingOrders()) {
            int dispatched = orders.dispatchWaiting(operator, 200);
            if (dispatched > 0) {
                LOG.infof("%d orders of %s left WAITING_FOR_WAYBILL", dispatched, operator);
            }
        }
        refresh();
    }

    @Transactional
    void refresh() {
        waiting.set(((Number) entityManager.createNativeQuery(
                "select count(*) from delivery_order where status = 'WAITING_FOR_WAYBILL'").getSingleResult()).longValue());
    }
}
