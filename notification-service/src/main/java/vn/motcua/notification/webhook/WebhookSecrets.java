package vn.motcua.notification.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import vn.motcua.guard.ProductionGuard;
import vn.motcua.notification.config.NotificationConfig;

import java.util.List;
import java.util.Optional;

/**
 * Subscription secrets at rest: sealed with the configured key ring ({@link SecretBox}), opened only to sign a
 * delivery. At start-up it refuses a missing ring or, outside dev and test, the published development key; then it
 * seals the secrets still in plain text (rows from before encryption) and re-seals those of an older key with the
 * current one, so that rotating a key is: add the new key first in the ring, restart, remove the old one.
 */
@ApplicationScoped
public class WebhookSecrets {

    private static final Logger LOG = Logger.getLogger(WebhookSecrets.class);
    private static final int RESEAL_BATCH = 100;

    @Inject
    NotificationConfig config;
    @Inject
    EntityManager entityManager;

    private volatile SecretBox box;

    /** Runs before the scheduled senders need a key. */
    void onStart(@Observes @Priority(10) StartupEvent start) {
        boolean devOrTest = ProductionGuard.isDevelopment();
        box = requireKeys(config.webhook().secretKeys(), devOrTest);
        if (!devOrTest && config.webhook().allowPrivateDestinations()) {
            LOG.warn("motcua.notification.webhook.allow-private-destinations is on outside dev/test: webhooks can "
                    + "reach loopback, private and cloud metadata addresses and plain http");
        }
        int resealed = resealAll();
        if (resealed > 0) {
            LOG.infof("webhook secrets: %d sealed with key '%s'", resealed, box.currentKeyId());
        }
    }

    /**
     * The key ring, or a start-up failure: no ring, a malformed one, or (outside dev and test) one that holds the
     * development key, which is published with the source code.
     */
    static SecretBox requireKeys(Optional<String> ring, boolean devOrTest) {
        SecretBox box = SecretBox.of(ring.orElseThrow(() -> new IllegalStateException(
                "no webhook secret key: set MOTCUA_WEBHOOK_SECRET_KEYS (motcua.notification.webhook.secret-keys) to "
                        + "<key id>:<base64 of 32 random bytes>, e.g. k1:$(head -c 32 /dev/urandom | base64)")));
        if (!devOrTest && box.holdsDevelopmentKey()) {
            throw new IllegalStateException("motcua.notification.webhook.secret-keys holds the development key, which is "
                    + "published with the source code; configure a key of your own (MOTCUA_WEBHOOK_SECRET_KEYS)");
        }
        return box;
    }

    SecretBox box() {
        SecretBox b = box;
        if (b == null) {
            b = requireKeys(config.webhook().secretKeys(), ProductionGuard.isDevelopment());
            box = b;
        }
        return b;
    }

    public SecretBox.Sealed seal(String secret, String subscriptionId) {
        return box().seal(secret, subscriptionId);
    }

    /** The plain secret of a subscription; empty when its key is no longer in the ring. */
    public Optional<String> open(WebhookSubscription s) {
        if (s.secretKeyId == null) {
            return Optional.of(s.secret); // not sealed yet (written before this version; sealed at the next start)
        }
        return box().open(new SecretBox.Sealed(s.secretKeyId, s.secret), s.id.toString());
    }

    public String digest(String secret) {
        return box().digest(secret);
    }

    /** Seals plain-text secrets and re-seals those of older keys; safe with several instances ({@code skip locked}). */
    int resealAll() {
        List<String> older = box().keyIds().stream().filter(id -> !id.equals(box().currentKeyId())).toList();
        int total = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(() -> resealBatch(older));
            total += done;
        } while (done == RESEAL_BATCH); // a batch with a secret that does not open stops here; the next start retries
        Number unknown = QuarkusTransaction.requiringNew().call(() -> (Number) entityManager.createNativeQuery("""
                        select count(*) from webhook_subscription where secret_key_id is not null and secret_key_id <> ?1
                          and not (secret_key_id = any(cast(?2 as text[])))""")
                .setParameter(1, box().currentKeyId()).setParameter(2, older.toArray(String[]::new)).getSingleResult());
        if (unknown.longValue() > 0) {
            LOG.errorf("%d webhook subscription secrets are sealed with a key that is not in the ring; their deliveries "
                    + "fail until that key is configured again", unknown.longValue());
        }
        return total;
    }

    private int resealBatch(List<String> olderKeys) {
        @SuppressWarnings("unchecked")
        List<WebhookSubscription> rows = entityManager.createNativeQuery("""
                        select * from webhook_subscription
                        where secret_key_id is null or secret_key_id = any(cast(?1 as text[]))
                        order by id limit ?2 for update skip locked""", WebhookSubscription.class)
                .setParameter(1, olderKeys.toArray(String[]::new)).setParameter(2, RESEAL_BATCH).getResultList();
        int sealed = 0;
        for (WebhookSubscription s : rows) {
            Optional<String> plain = open(s);
            if (plain.isEmpty()) {
                LOG.errorf("webhook subscription %s: its secret does not open with key '%s' (altered?); left as it is",
                        s.id, s.secretKeyId);
                continue;
            }
            SecretBox.Sealed resealed = seal(plain.get(), s.id.toString());
            // native update: no version bump, so an admin's concurrent edit of the subscription is not refused for this
            entityManager.createNativeQuery("update webhook_subscription set secret = ?2, secret_key_id = ?3 where id = ?1")
                    .setParameter(1, s.id).setParameter(2, resealed.ciphertext()).setParameter(3, resealed.keyId())
                    .executeUpdate();
            sealed++;
        }
        return sealed;
    }
}
