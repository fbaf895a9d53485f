package vn.motcua.notification.channel;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.notification.config.NotificationConfig;
import vn.motcua.notification.message.Backoff;
import vn.motcua.notification.message.Channel;
import vn.motcua.notification.message.DeliveryStatus;
import vn.motcua.notification.message.LeasedBatch;
import vn.motcua.notification.message.MessageEvents;
import vn.motcua.notification.message.MessageStore;
import vn.motcua.notification.message.NotificationMessage;
import vn.motcua.notification.message.SendResult;
import vn.motcua.notification.preference.QuietHours;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The scheduled sender over the table of pending messages. Each round claims due messages (SENDING with a lease and
 * a claim token, {@code skip locked}, so instances share the work and a crash only delays a message), sends a few at
 * a time while renewing the lease (so a slow provider never lets another instance take the same messages), calls the
 * provider outside any transaction after confirming the claim, and records the outcome only under its own token: delivered; permanent failure; or a retryable failure with the next
 * attempt after exponential backoff — until the attempts are used up and the message is dead-lettered.
 */
@ApplicationScoped
public class MessageDispatcher {

    private static final Logger LOG = Logger.getLogger(MessageDispatcher.class);

    @Inject
    MessageStore store;
    @Inject
    MessageEvents events;
    @Inject
    NotificationConfig config;
    @Inject
    LeasedBatch batches;

    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);

    @Inject
    void senders(Instance<ChannelSender> all) {
        all.forEach(sender -> senders.put(sender.channel(), sender));
    }

    @Scheduled(every = "${motcua.notification.dispatch-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatchDue() {
        int rounds = 0;
        List<UUID> claimed;
        do {
            UUID token = UUID.randomUUID();
            OffsetDateTime now = OffsetDateTime.now(CloudEventCodec.ZONE);
            claimed = store.claimDue(token, now, leaseFrom(now), config.retry().batchSize());
            batches.run(claimed, config.retry().concurrency(), config.retry().sendingLease(),
                    () -> store.renewLease(token, leaseFrom(OffsetDateTime.now(CloudEventCodec.ZONE))),
                    id -> sendOne(id, token));
        } while (claimed.size() == config.retry().batchSize() && ++rounds < 20);
    }

    private OffsetDateTime leaseFrom(OffsetDateTime now) {
        return now.plus(config.retry().sendingLease());
    }

    void sendOne(UUID id, UUID token) {
        // the claim may have been lost meanwhile (an admin re-queued the message, or the lease ran out and another
        // instance took it): then that one sends it, not this one
        if (!store.stillClaimed(id, token, leaseFrom(OffsetDateTime.now(CloudEventCodec.ZONE)))) {
            return;
        }
        NotificationMessage message = QuarkusTransaction.requiringNew().call(() -> NotificationMessage.<NotificationMessage>findById(id));
        if (message == null) {
            return;
        }
        ChannelSender sender = senders.get(message.channel);
        SendResult result;
        try {
            result = sender.send(message);
        } catch (RuntimeException e) {
            result = SendResult.technical(message.channel.name().toLowerCase(), "sender failed: " + e);
        }
        SendResult outcome = result;
        QuarkusTransaction.requiringNew().run(() -> record(id, token, outcome));
    }

    void record(UUID id, UUID token, SendResult result) {
        NotificationMessage m = NotificationMessage.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (m == null || m.status != DeliveryStatus.SENDING || !token.equals(m.claimToken)) {
            return; // re-queued by an admin, or claimed by another sender since: its outcome is the one to keep
        }
        OffsetDateTime now = OffsetDateTime.now(CloudEventCodec.ZONE);
        m.claimToken = null;
        m.status = result.status();
        m.provider = result.provider();
        m.updatedAt = now;
        switch (result.status()) {
            case DELIVERED -> {
                m.providerReference = result.providerReference();
                m.deliveredAt = now;
                m.failureReason = null;
                m.nextAttemptAt = null;
                events.delivered(m);
            }
            case PERMANENT_FAILURE -> {
                m.failureReason = result.reason();
                m.nextAttemptAt = null;
                events.failed(m);
            }
            case TEMPORARY_FAILURE, TECHNICAL_FAILURE -> {
                m.failureReason = result.reason();
                Optional<OffsetDateTime> next = backoff().nextAttempt(m.attempts, now);
                if (next.isPresent()) {
                    m.nextAttemptAt = m.channel == Channel.SMS ? quietHours().earliestSend(next.get()) : next.get();
                } else {
                    m.nextAttemptAt = null;
                    m.deadLetteredAt = now;
                    LOG.warnf("message %s to %s on %s dead-lettered after %d attempts: %s", m.id, m.recipientId,
                            m.channel, m.attempts, m.failureReason);
                    events.failed(m);
                }
            }
            default -> throw new IllegalStateException("a sender answered " + result.status());
        }
    }

    Backoff backoff() {
        return new Backoff(config.retry().initialBackoff(), config.retry().maxBackoff(), config.retry().maxAttempts());
    }

    QuietHours quietHours() {
        return new QuietHours(config.quietHours().enabled(), config.quietHours().start(), config.quietHours().end(),
                CloudEventCodec.ZONE);
    }
}
