package vn.motcua.notification.channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.mail.SMTPException;
import org.junit.jupiter.api.Test;
import vn.motcua.notification.message.DeliveryStatus;

import java.net.ConnectException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderAnswersTest {

    @Test
    void smtp_replies_decide_the_failure_kind() {
        assertThat(EmailSender.classify(new RuntimeException(new SMTPException("550 mailbox unavailable", 550,
                List.of("mailbox unavailable"), false))).status()).isEqualTo(DeliveryStatus.PERMANENT_FAILURE);
        assertThat(EmailSender.classify(new RuntimeException(new SMTPException("451 try later", 451,
                List.of("try later"), false))).status()).isEqualTo(DeliveryStatus.TEMPORARY_FAILURE);
        assertThat(EmailSender.classify(new RuntimeException(new ConnectException("Connection refused: /127.0.0.1:46500")))
                .status()).isEqualTo(DeliveryStatus.TECHNICAL_FAILURE);
    }

    @Test
    void sms_provider_answers_decide_the_failure_kind() {
        SmsSender sms = new SmsSender();
        sms.json = new ObjectMapper();
        var accepted = sms.interpret(202, "{\"messageId\":\"m-1\"}");
        assertThat(accepted.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(accepted.providerReference()).isEqualTo("m-1");
        var invalid = sms.interpret(422, "{\"error\":\"invalid destination\"}");
        assertThat(invalid.status()).isEqualTo(DeliveryStatus.PERMANENT_FAILURE);
        assertThat(invalid.reason()).contains("invalid destination");
        assertThat(sms.interpret(429, "{}").status()).isEqualTo(DeliveryStatus.TEMPORARY_FAILURE);
        assertThat(sms.interpret(503, "").status()).isEqualTo(DeliveryStatus.TEMPORARY_FAILURE);
        assertThat(sms.interpret(500, "oops").status()).isEqualTo(DeliveryStatus.TECHNICAL_FAILURE);
        assertThat(sms.interpret(401, "{\"message\":\"bad key\"}").status()).isEqualTo(DeliveryStatus.PERMANENT_FAILURE);
    }
}
