package vn.motcua.notification.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.notification.config.NotificationConfig;
import vn.motcua.notification.message.Backoff;
import vn.motcua.notification.message.DeliveryStatus;

import vn.motcua.notification.message.LeasedBatch;
import vn.motcua.web.problem.ApiException;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends due webhook deliveries of active subscriptions: signed POST of the CloudEvent, retried with exponential
 * backoff, dead-lettered after the last attempt. Repeated failures pause the subscription with an alert (an ERROR
 * log line and the {@code motcua.webhook.paused} counter) so a dead receiver does not soak up work forever.
 * <p>
 * The destination is vetted again before every delivery and the connection goes to the vetted address
 * ({@link WebhookDestinations}, {@link WebhookClient}); a destination that now leads inside fails for good. Deliveries
 * are claimed with a token and a lease that is renewed while the batch is sent ({@link LeasedBatch}); the delivery log
 * records the status and timing of each attempt, never the receiver's answer.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    @Inject
    EntityManager entityManager;
    @Inject
    NotificationConfig config;
    @Inject
    MeterRegistry meters;
    @Inject
    WebhookDestinations destinations;
    @Inject
    WebhookClient client;
    @Inject
    WebhookSecrets secrets;
    @Inject
    LeasedBatch batches;

    @Scheduled(every = "${motcua.notification.dispatch-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatchDue() {
        UUID token = UUID.randomUUID();
        List<UUID> claimed = QuarkusTransaction.requiringNew().call(() -> claim(token));
        batches.run(claimed, config.webhook().concurrency(), config.retry().sendingLease(),
                () -> renewLease(token), id -> deliver(id, token));
    }

    private OffsetDateTime leaseFrom(OffsetDateTime now) {
        return now.plus(config.retry().sendingLease());
    }

    @SuppressWarnings("unchecked")
    List<UUID> claim(UUID token) {
        OffsetDateTime now = OffsetDateTime.now(CloudEventCodec.ZONE);
        List<UUID> ids = entityManager.createNativeQuery("""
                        select d.id from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id
                        where s.status = 'ACTIVE'
                          and d.status in ('QUEUED', 'SENDING', 'TEMPORARY_FAILURE', 'TECHNICAL_FAILURE')
                          and d.dead_lettered_at is null and d.next_attempt_at <= ?1
                        order by d.next_attempt_at limit 50 for update of d skip locked""", UUID.class)
                .setParameter(1, now).getResultList();
        if (!ids.isEmpty()) {
            entityManager.createNativeQuery("""
                            update webhook_delivery set status = 'SENDING', attempts = attempts + 1, claim_token = :token,
                                next_attempt_at = :lease, updated_at = :now where id in (:ids)""")
                    .setParameter("token", token).setParameter("lease", leaseFrom(now)).setParameter("now", now)
                    .setParameter("ids", ids).executeUpdate();
        }
        return ids;
    }

    void renewLease(UUID token) {
        entityManager.createNativeQuery("""
                        update webhook_delivery set next_attempt_at = ?2 where claim_token = ?1 and status = 'SENDING'""")
                .setParameter(1, token).setParameter(2, leaseFrom(OffsetDateTime.now(CloudEventCodec.ZONE))).executeUpdate();
    }

    void deliver(UUID deliveryId, UUID token) {
        record Target(WebhookDelivery delivery, String url, Optional<String> secret) {
        }
        Target target = QuarkusTransaction.requiringNew().call(() -> {
            // confirms the claim right before sending (not lost to an admin's re-send or another instance) and moves its lease
            int ours = entityManager.createNativeQuery("""
                            update webhook_delivery set next_attempt_at = ?3
                            where id = ?1 and claim_token = ?2 and status = 'SENDING'""")
                    .setParameter(1, deliveryId).setParameter(2, token)
                    .setParameter(3, leaseFrom(OffsetDateTime.now(CloudEventCodec.ZONE))).executeUpdate();
            WebhookDelivery d = ours == 1 ? WebhookDelivery.findById(deliveryId) : null;
            WebhookSubscription s = d == null ? null : WebhookSubscription.findById(d.subscriptionId);
            return s == null ? null : new Target(d, s.url, secrets.open(s));
        });
        if (target == null) {
            return;
        }
        long started = System.nanoTime();
        WebhookClient.Answer answer;
        boolean refused = false;
        if (target.secret().isEmpty()) {
            answer = new WebhookClient.Answer(null, "the subscription's secret cannot be opened: its key is not configured");
        } else {
            try {
                WebhookDestinations.Destination destination = destinations.forDelivery(target.url());
                answer = client.post(destination, headers(deliveryId, target.delivery(), target.secret().get()),
                        target.delivery().payload, config.webhook().timeout());
            } catch (ApiException e) {
                // the name resolves elsewhere than at registration (rebinding), or the rules changed: nothing is sent
                refused = true;
                answer = new WebhookClient.Answer(null, "destination refused: " + e.getMessage());
            }
        }
        int durationMs = (int) ((System.nanoTime() - started) / 1_000_000);
        Integer status = answer.status();
        String error = answer.error() != null ? answer.error()
                : status < 200 || status >= 300 ? "receiver answered " + status : null;
        boolean permanent = refused;
        QuarkusTransaction.requiringNew().run(() -> record(deliveryId, token, status, error, permanent, durationMs));
    }

    private static Map<String, String> headers(UUID deliveryId, WebhookDelivery delivery, String secret) {
        long timestamp = System.currentTimeMillis() / 1000;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/cloudevents+json; charset=UTF-8");
        headers.put("User-Agent", "motcua-webhooks/1");
        headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
        headers.put(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, delivery.payload));
        headers.put(WebhookSignature.EVENT_ID_HEADER, delivery.eventId);
        headers.put(WebhookSignature.EVENT_TYPE_HEADER, delivery.eventType);
        headers.put(WebhookSignature.DELIVERY_ID_HEADER, deliveryId.toString());
        return headers;
    }

    void record(UUID deliveryId, UUID token, Integer responseStatus, String error, boolean permanent, int durationMs) {
        // lock order subscription → delivery, as a deletion's cascade takes them (the other order deadlocks with it);
        // deliveries of one subscription are recorded side by side, and the lock makes their failure counts add up
        UUID subscriptionId = (UUID) entityManager.createNativeQuery("select subscription_id from webhook_delivery where id = ?1", UUID.class)
                .setParameter(1, deliveryId).getResultStream().findFirst().orElse(null);
        WebhookSubscription s = subscriptionId == null ? null
                : WebhookSubscription.findById(subscriptionId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        WebhookDelivery d = s == null ? null : WebhookDelivery.findById(deliveryId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (d == null || d.status != DeliveryStatus.SENDING || !token.equals(d.claimToken)) {
            return; // re-sent by an admin or claimed by another sender since: its outcome is the one to keep
        }
        OffsetDateTime now = OffsetDateTime.now(CloudEventCodec.ZONE);
        d.claimToken = null;
        DeliveryStatus outcome = error == null ? DeliveryStatus.DELIVERED
                : permanent ? DeliveryStatus.PERMANENT_FAILURE
                : responseStatus == null || responseStatus >= 500 ? DeliveryStatus.TECHNICAL_FAILURE : DeliveryStatus.TEMPORARY_FAILURE;
        entityManager.createNativeQuery("""
                        insert into webhook_attempt (delivery_id, attempted_at, response_status, outcome, error, duration_ms)
                        values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, deliveryId).setParameter(2, now).setParameter(3, responseStatus)
                .setParameter(4, outcome.name()).setParameter(5, error).setParameter(6, durationMs).executeUpdate();
        d.status = outcome;
        d.lastResponseStatus = responseStatus;
        d.updatedAt = now;
        if (outcome == DeliveryStatus.DELIVERED) {
            d.deliveredAt = now;
            d.lastError = null;
            d.nextAttemptAt = null;
            s.consecutiveFailures = 0;
            return;
        }
        d.lastError = error;
        Optional<OffsetDateTime> next = permanent ? Optional.empty() : new Backoff(config.webhook().initialBackoff(), config.webhook().maxBackoff(),
                config.webhook().maxAttempts()).nextAttempt(d.attempts, now);
        if (next.isPresent()) {
            d.nextAttemptAt = next.get();
        } else {
            d.nextAttemptAt = null;
            d.deadLetteredAt = now;
        }
        s.consecutiveFailures++;
        if (s.consecutiveFailures >= config.webhook().pauseAfterFailures()
                && WebhookSubscription.Status.ACTIVE.name().equals(s.status)) {
            s.status = WebhookSubscription.Status.PAUSED.name();
            s.pausedReason = s.consecutiveFailures + " consecutive failed deliveries; last: " + error;
            s.updatedAt = now;
            meters.counter("motcua.webhook.paused").increment();
            LOG.errorf("ALERT webhook subscription %s (%s, %s) paused after %d consecutive failures: %s",
                    s.id, s.name, s.url, s.consecutiveFailures, error);
        }
    }
}
