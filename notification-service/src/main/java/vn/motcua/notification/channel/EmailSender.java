package vn.motcua.notification.channel;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import vn.motcua.notification.config.NotificationConfig;
import vn.motcua.notification.message.Channel;
import vn.motcua.notification.message.NotificationMessage;
import vn.motcua.notification.message.SendResult;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Email over SMTP with the Quarkus Mailer. The SMTP reply decides the failure kind: 5xx is permanent (unknown
 * mailbox, refused), 4xx temporary (greylisting, mailbox full), no answer technical. In {@code simulated} mode
 * (development) nothing is sent; the message is recorded as delivered by provider {@code simulated-email}.
 */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    private static final Logger LOG = Logger.getLogger(EmailSender.class);
    private static final java.time.Duration SEND_TIMEOUT = java.time.Duration.ofSeconds(30);
    private static final Pattern SMTP_CODE = Pattern.compile("\\b([45])\\d\\d\\b");

    @Inject
    ReactiveMailer mailer;
    @Inject
    NotificationConfig config;

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public SendResult send(NotificationMessage message) {
        if ("simulated".equalsIgnoreCase(config.email().mode())) {
            LOG.infof("[SIMULATED EMAIL — not sent] to=%s subject=%s", message.address, message.title);
            return SendResult.delivered("simulated-email", "SIMULATED-" + UUID.randomUUID());
        }
        try {
            // bounded wait: a mail server that accepts the connection and then stalls must not hold the sender
            mailer.send(Mail.withText(message.address, message.title, message.body)
                    .addHeader("X-Motcua-Message-Id", message.id.toString())).await().atMost(SEND_TIMEOUT);
            return SendResult.delivered("smtp", message.id.toString());
        } catch (RuntimeException e) {
            return classify(e);
        }
    }

    static SendResult classify(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                messages.append(t.getMessage()).append(" | ");
            }
        }
        String text = messages.length() == 0 ? e.getClass().getSimpleName() : messages.substring(0, messages.length() - 3);
        String reason = text.length() > 500 ? text.substring(0, 500) : text;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPException smtp) {
                return smtp.isPermanent() ? SendResult.permanent("smtp", reason) : SendResult.temporary("smtp", reason);
            }
        }
        Matcher code = SMTP_CODE.matcher(text);
        if (code.find() && text.contains("SMTP")) {
            return "5".equals(code.group(1)) ? SendResult.permanent("smtp", reason) : SendResult.temporary("smtp", reason);
        }
        return SendResult.technical("smtp", reason);
    }
}
