package vn.motcua.payment.notification;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.motcua.payment.config.PaymentConfig;
import vn.motcua.payment.provider.NotificationVerdict;
import vn.motcua.payment.provider.ProviderCode;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Notifications whose signature does not verify. The callback endpoints are public, so these are whatever anyone
 * sends: each is counted ({@code motcua.payment.notifications.rejected}, by provider and verdict), and only a sample
 * — at most {@code sample-per-minute} per instance — is stored, in a table the retention job empties. They never go
 * to the append-only {@code provider_notification}, which keeps what the providers really said.
 */
@ApplicationScoped
public class RejectedNotifications {

    static final int MAX_PAYLOAD = 2000;

    @Inject
    EntityManager em;
    @Inject
    MeterRegistry meters;
    @Inject
    PaymentConfig config;

    private final SampleBudget budget = new SampleBudget(Clock.systemUTC());

    /** Counts the notification and stores it if this minute's sample is not full; in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(ProviderCode provider, String reference, NotificationVerdict verdict, String detail, String payload) {
        meters.counter("motcua.payment.notifications.rejected", "provider", provider.name(), "verdict", verdict.name())
                .increment();
        if (!budget.take(config.rejectedNotifications().samplePerMinute())) {
            return;
        }
        em.createNativeQuery("""
                        insert into rejected_notification (provider, reference, verdict, detail, payload)
                        values (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, provider.name()).setParameter(2, cut(reference, 100)).setParameter(3, verdict.name())
                .setParameter(4, cut(detail, 1000)).setParameter(5, payload == null ? "" : cut(payload, MAX_PAYLOAD))
                .executeUpdate();
    }

    /** Deletes the samples older than the retention; several instances may run it at once (a delete is idempotent). */
    @Transactional
    public int purge(OffsetDateTime now) {
        return em.createNativeQuery("delete from rejected_notification where received_at < ?1")
                .setParameter(1, now.minus(config.rejectedNotifications().retention())).executeUpdate();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
