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
 * The scheduled sender over the table of pending messages. Each round claims due messages (SENDING with a lease,
 * {@code skip locked}, so instances share the work and a crash only delays a message), calls the provider outside
 * any transaction, and records the outcome: delivered; permanent failure; or a retryable failure with the next
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
            OffsetDateTime now = OffsetDateTime.now(CloudEventCodec.ZONE);
            claimed = store.claimDue(now, now.plus(config.retry().sendingLease()), config.retry().batchSize());
            claimed.forEach(this::sendOne);
        } while (claimed.size() == config.retry().batchSize() && ++rounds < 20);
    }

    void sendOne(UUID id) {
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
        QuarkusTransaction.requiringNew().run(() -> record(id, outcome));
    }

    void record(UUID id, SendResult result) {
        NotificationMessage m = NotificationMessage.findById(id);
        if (m == null || m.status != DeliveryStatus.SENDING) {
            return; // re-queued or changed by an admin meanwhile
        }
        OffsetDateTime now = OffsetDateTime.now(CloudEventCodec.ZONE);
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
