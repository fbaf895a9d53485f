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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends due webhook deliveries of active subscriptions: signed POST of the CloudEvent, retried with exponential
 * backoff, dead-lettered after the last attempt. Repeated failures pause the subscription with an alert (an ERROR
 * log line and the {@code motcua.webhook.paused} counter) so a dead receiver does not soak up work forever.
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

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Scheduled(every = "${motcua.notification.dispatch-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatchDue() {
        List<UUID> claimed = QuarkusTransaction.requiringNew().call(this::claim);
        claimed.forEach(this::deliver);
    }

    @SuppressWarnings("unchecked")
    List<UUID> claim() {
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
                            update webhook_delivery set status = 'SENDING', attempts = attempts + 1,
                                next_attempt_at = :lease, updated_at = :now where id in (:ids)""")
                    .setParameter("lease", now.plus(config.retry().sendingLease())).setParameter("now", now)
                    .setParameter("ids", ids).executeUpdate();
        }
        return ids;
    }

    void deliver(UUID deliveryId) {
        record Target(WebhookDelivery delivery, String url, String secret) {
        }
        Target target = QuarkusTransaction.requiringNew().call(() -> {
            WebhookDelivery d = WebhookDelivery.findById(deliveryId);
            WebhookSubscription s = d == null ? null : WebhookSubscription.findById(d.subscriptionId);
            return s == null ? null : new Target(d, s.url, s.secret);
        });
        if (target == null) {
            return;
        }
        long timestamp = System.currentTimeMillis() / 1000;
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(target.url()))
                    .timeout(config.webhook().timeout())
                    .header("Content-Type", "application/cloudevents+json; charset=UTF-8")
                    .header("User-Agent", "motcua-webhooks/1")
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(target.secret(), timestamp, target.delivery().payload))
                    .header(WebhookSignature.EVENT_ID_HEADER, target.delivery().eventId)
                    .header(WebhookSignature.EVENT_TYPE_HEADER, target.delivery().eventType)
                    .header(WebhookSignature.DELIVERY_ID_HEADER, deliveryId.toString())
                    .POST(HttpRequest.BodyPublishers.ofString(target.delivery().payload, StandardCharsets.UTF_8))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            if (status < 200 || status >= 300) {
                String body = response.body() == null ? "" : response.body();
                error = "receiver answered " + status + (body.isBlank() ? "" : ": " + body.substring(0, Math.min(300, body.length())));
            }
        } catch (IOException | IllegalArgumentException e) {
            error = "receiver unreachable: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        int durationMs = (int) ((System.nanoTime() - started) / 1_000_000);
        Integer responseStatus = status;
        String failure = error;
        QuarkusTransaction.requiringNew().run(() -> record(deliveryId, responseStatus, failure, durationMs));
    }

    void record(UUID deliveryId, Integer responseStatus, String error, int durationMs) {
        WebhookDelivery d = WebhookDelivery.findById(deliveryId);
        if (d == null || d.status != DeliveryStatus.SENDING) {
            return;
        }
        WebhookSubscription s = WebhookSubscription.findById(d.subscriptionId);
        OffsetDateTime now = OffsetDateTime.now(CloudEventCodec.ZONE);
        DeliveryStatus outcome = error == null ? DeliveryStatus.DELIVERED
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
        Optional<OffsetDateTime> next = new Backoff(config.webhook().initialBackoff(), config.webhook().maxBackoff(),
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
