package vn.motcua.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;

/** {@code motcua.notification.*}: channels, retries, quiet hours, webhooks and the national portal sync. */
@ConfigMapping(prefix = "motcua.notification")
public interface NotificationConfig {

    /** How often the senders look for due messages, webhook deliveries and portal pushes. */
    @WithDefault("1s")
    Duration dispatchInterval();

    Retry retry();

    Email email();

    Sms sms();

    QuietHours quietHours();

    Webhook webhook();

    Portal portal();

    /** Agency code → mailbox that receives the agency's own alerts (overdue dossiers, postal SLA breaches). */
    Map<String, String> agencyMailboxes();

    /** Exponential backoff of the channel senders: base · 2^(attempt-1), capped; after max-attempts → dead letter. */
    interface Retry {
        @WithDefault("30s")
        Duration initialBackoff();

        @WithDefault("1h")
        Duration maxBackoff();

        @WithDefault("6")
        int maxAttempts();

        /** A message claimed by a sender that crashed is taken again after this lease. */
        @WithDefault("2m")
        Duration sendingLease();

        @WithDefault("50")
        int batchSize();

        /** Messages sent at once by one instance (a slow provider then holds a few threads, not the whole batch). */
        @WithDefault("4")
        int concurrency();
    }

    interface Email {
        /** {@code smtp} (Quarkus Mailer) or {@code simulated} (records what it would send; development only). */
        @WithDefault("smtp")
        String mode();
    }

    interface Sms {
        /** {@code http} (the provider adapter) or {@code simulated} (records what it would send; development only). */
        @WithDefault("http")
        String mode();

        /** The provider's send endpoint, e.g. https://sms.example.vn/api/v1/messages. */
        Optional<String> url();

        /** Sent as {@code Authorization: Bearer <api-key>}. */
        Optional<String> apiKey();

        /** Sender name (brandname) registered with the operators. */
        @WithDefault("MOTCUA")
        String sender();

        @WithDefault("10s")
        Duration timeout();
    }

    /** No SMS between start and end (local time, Asia/Ho_Chi_Minh); they wait for the end. Email and inbox are not held. */
    interface QuietHours {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("21:00")
        LocalTime start();

        @WithDefault("07:00")
        LocalTime end();
    }

    interface Webhook {
        @WithDefault("10s")
        Duration timeout();

        @WithDefault("8")
        int maxAttempts();

        @WithDefault("10s")
        Duration initialBackoff();

        @WithDefault("30m")
        Duration maxBackoff();

        /** Consecutive failed attempts after which a subscription is paused (and an alert logged). */
        @WithDefault("10")
        int pauseAfterFailures();

        /**
         * The key ring that encrypts subscription secrets at rest: {@code id:base64(32 bytes)[,id:base64...]}, the
         * first key encrypts, all decrypt (rotation in the README). Required outside dev and test.
         */
        Optional<String> secretKeys();

        /**
         * Lets webhooks reach loopback, private and link-local addresses and plain http. Only for dev and test, where
         * the receivers run on this machine; a subscriber chooses the URL, so in production this opens the internal
         * network to whoever registers a webhook.
         */
        @WithDefault("false")
        boolean allowPrivateDestinations();

        /** Deliveries sent at once by one instance. */
        @WithDefault("4")
        int concurrency();
    }

    interface Portal {
        @WithDefault("false")
        boolean enabled();

        /** Base URL of the portal's dossier sync API; the service calls {@code POST <url>/dossiers} and {@code PUT <url>/dossiers/{code}}. */
        Optional<String> url();

        /** Sent as {@code Authorization: Bearer <token>}. */
        Optional<String> token();

        /** Our system code at the portal (mã hệ thống / đơn vị). */
        @WithDefault("MOTCUA")
        String systemCode();

        @WithDefault("10s")
        Duration timeout();

        @WithDefault("10")
        int maxAttempts();

        @WithDefault("10s")
        Duration initialBackoff();

        @WithDefault("30m")
        Duration maxBackoff();
    }
}
