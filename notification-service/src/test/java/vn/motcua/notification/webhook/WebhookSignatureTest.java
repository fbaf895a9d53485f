package vn.motcua.notification.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    @Test
    void known_answer_hmac_sha256_over_timestamp_dot_body() {
        // computed independently (Python's hmac module): HMAC-SHA256("secret", "1700000000.{}")
        String signature = WebhookSignature.sign("secret", 1_700_000_000L, "{}");
        assertThat(signature).startsWith("sha256=").hasSize(7 + 64);
        assertThat(signature).isEqualTo("sha256=b8569b78799ff9e3cbff0fc2d63a33a2b57f3282abd07c37ae5e8e7d79a5f163");
        assertThat(signature).isEqualTo(WebhooksTest.hmacForUnitTest("secret", "1700000000.{}"));
    }

    @Test
    void verification_refuses_tampering_other_secrets_and_stale_timestamps() {
        long now = 1_800_000_000L;
        String body = "{\"id\":\"e-1\",\"data\":{\"name\":\"Nguyễn Văn An\"}}";
        String signature = WebhookSignature.sign("s3cret", now, body);
        assertThat(WebhookSignature.verify("s3cret", Long.toString(now), body, signature, now, 300)).isTrue();
        assertThat(WebhookSignature.verify("s3cret", Long.toString(now), body + " ", signature, now, 300)).isFalse();
        assertThat(WebhookSignature.verify("other", Long.toString(now), body, signature, now, 300)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", Long.toString(now - 1), body, signature, now, 300)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", Long.toString(now), body, signature, now + 301, 300)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", "yesterday", body, signature, now, 300)).isFalse();
        assertThat(WebhookSignature.verify("s3cret", null, body, signature, now, 300)).isFalse();
    }
}
