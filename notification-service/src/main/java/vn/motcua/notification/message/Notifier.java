package vn.motcua.notification.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.notification.config.NotificationConfig;
import vn.motcua.notification.preference.PreferenceService;
import vn.motcua.notification.preference.QuietHours;
import vn.motcua.notification.rules.Notice;
import vn.motcua.notification.rules.NotificationRules;
import vn.motcua.notification.rules.Recipient;
import vn.motcua.notification.template.TemplateService;
import vn.motcua.notification.template.TemplateText;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns one event into messages: rules → preferences → template → one row per channel. The inbox message is
 * delivered at once; email and SMS are queued for the senders. A bad address or a template that cannot be filled
 * fails only that message, with a reason, and the event counts as handled.
 */
@ApplicationScoped
public class Notifier {

    private static final Logger LOG = Logger.getLogger(Notifier.class);

    @Inject
    NotificationRules rules;
    @Inject
    PreferenceService preferences;
    @Inject
    TemplateService templates;
    @Inject
    MessageStore store;
    @Inject
    MessageEvents events;
    @Inject
    NotificationConfig config;

    @Transactional(Transactional.TxType.MANDATORY)
    public int notify(CloudEvent event) {
        int created = 0;
        OffsetDateTime now = OffsetDateTime.now(CloudEventCodec.ZONE);
        for (Notice notice : rules.noticesFor(event)) {
            Recipient recipient = notice.recipient();
            Set<Channel> channels = recipient.kind() == Recipient.Kind.CITIZEN
                    ? PreferenceService.effectiveChannels(notice.channels(),
                    preferences.choice(recipient.id(), notice.category()), notice.mandatory())
                    : EnumSet.copyOf(notice.channels());
            TemplateService.Rendered rendered = null;
            String renderFailure = null;
            try {
                rendered = templates.render(notice.templateCode(), recipient.language(), notice.fields());
            } catch (TemplateText.MissingValue e) {
                renderFailure = "template " + notice.templateCode() + ": " + e.getMessage();
            }
            for (Channel channel : channels) {
                Optional<NotificationMessage> message = message(event, notice, channel, rendered, renderFailure, now);
                if (message.isPresent() && store.insertOnce(message.get())) {
                    created++;
                    NotificationMessage m = message.get();
                    if (m.status == DeliveryStatus.DELIVERED) {
                        events.delivered(m);
                    } else if (m.status == DeliveryStatus.PERMANENT_FAILURE) {
                        LOG.infof("message %s to %s on %s failed at once: %s", m.id, m.recipientId, channel, m.failureReason);
                        events.failed(m);
                    }
                }
            }
        }
        return created;
    }

    private Optional<NotificationMessage> message(CloudEvent event, Notice notice, Channel channel,
                                                  TemplateService.Rendered rendered, String renderFailure, OffsetDateTime now) {
        Recipient recipient = notice.recipient();
        NotificationMessage m = new NotificationMessage();
        m.id = UUID.randomUUID();
        m.sourceEventId = event.id();
        m.eventType = event.type();
        m.dossierId = notice.dossierId();
        m.recipientId = recipient.id();
        m.channel = channel;
        m.language = rendered != null ? rendered.language() : recipient.language();
        m.category = notice.category().name();
        m.mandatory = notice.mandatory();
        m.templateCode = notice.templateCode();
        m.templateVersion = rendered != null ? rendered.version() : 0;
        m.title = rendered != null ? rendered.title() : notice.templateCode();
        m.body = rendered == null ? "" : channel == Channel.SMS ? rendered.smsText() : rendered.body();
        m.createdAt = now;
        String failure = renderFailure;
        switch (channel) {
            case IN_APP -> m.address = null;
            case EMAIL -> {
                if (recipient.email() == null || recipient.email().isBlank()) {
                    return Optional.empty(); // no address given: nothing to send, not a failure
                }
                m.address = recipient.email().trim();
                if (failure == null && !Addresses.isEmail(m.address)) {
                    failure = "invalid email address '" + m.address + "'";
                }
            }
            case SMS -> {
                if (recipient.phone() == null || recipient.phone().isBlank()) {
                    return Optional.empty();
                }
                Optional<String> mobile = Addresses.normalisedMobile(recipient.phone());
                m.address = mobile.orElse(recipient.phone().trim());
                if (failure == null && mobile.isEmpty()) {
                    failure = "invalid phone number '" + m.address + "' (not a Vietnamese mobile number)";
                }
            }
        }
        if (failure != null) {
            m.status = DeliveryStatus.PERMANENT_FAILURE;
            m.failureReason = failure;
        } else if (channel == Channel.IN_APP) {
            m.status = DeliveryStatus.DELIVERED;
            m.provider = "inbox";
            m.deliveredAt = now;
        } else {
            m.status = DeliveryStatus.QUEUED;
            m.nextAttemptAt = channel == Channel.SMS ? quietHours().earliestSend(now) : now;
        }
        return Optional.of(m);
    }

    QuietHours quietHours() {
        return new QuietHours(config.quietHours().enabled(), config.quietHours().start(), config.quietHours().end(),
                CloudEventCodec.ZONE);
    }
}
