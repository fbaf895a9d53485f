package vn.motcua.notification.webhook;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {

    private static final String OLD = "k1:" + Base64.getEncoder().encodeToString(new byte[32]);
    private static final String NEW = "k2:" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String DEV = "dev:X5RfYZE9AGpCwfxjNQxMLB6M5le+NsMnjswIs3C4dho=";

    @Test
    void a_sealed_secret_opens_only_with_its_key_and_its_subscription() {
        SecretBox box = SecretBox.of(OLD);
        SecretBox.Sealed sealed = box.seal("whsec_the-secret", "subscription-1");
        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(sealed.ciphertext()).doesNotContain("the-secret");
        assertThat(box.open(sealed, "subscription-1")).contains("whsec_the-secret");
        // copied onto another subscription, or altered: does not open
        assertThat(box.open(sealed, "subscription-2")).isEmpty();
        byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
        bytes[bytes.length - 1] ^= 1;
        assertThat(box.open(new SecretBox.Sealed("k1", Base64.getEncoder().encodeToString(bytes)), "subscription-1")).isEmpty();
        // two seals of one secret differ (fresh nonce)
        assertThat(box.seal("whsec_the-secret", "subscription-1").ciphertext()).isNotEqualTo(sealed.ciphertext());
    }

    @Test
    void rotation_the_first_key_seals_every_key_opens() {
        SecretBox.Sealed underOld = SecretBox.of(OLD).seal("s3cret-value-0001", "sub");
        SecretBox rotated = SecretBox.of(NEW + "," + OLD);
        assertThat(rotated.currentKeyId()).isEqualTo("k2");
        assertThat(rotated.keyIds()).containsExactly("k2", "k1");
        assertThat(rotated.open(underOld, "sub")).contains("s3cret-value-0001");
        assertThat(rotated.seal("s3cret-value-0001", "sub").keyId()).isEqualTo("k2");
        // the old key removed from the ring: its secrets no longer open
        assertThat(SecretBox.of(NEW).open(underOld, "sub")).isEmpty();
    }

    @Test
    void a_malformed_ring_is_refused() {
        assertThatThrownBy(() -> SecretBox.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretBox.of("no-colon")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretBox.of("k1:c2hvcnQ=")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SecretBox.of("k1:%%%")).hasMessageContaining("base64");
        assertThatThrownBy(() -> SecretBox.of(OLD + "," + OLD)).hasMessageContaining("twice");
    }

    @Test
    void production_refuses_to_start_without_a_key_or_with_the_development_key() {
        assertThatThrownBy(() -> WebhookSecrets.requireKeys(Optional.empty(), false)).hasMessageContaining("MOTCUA_WEBHOOK_SECRET_KEYS");
        assertThatThrownBy(() -> WebhookSecrets.requireKeys(Optional.empty(), true)).hasMessageContaining("MOTCUA_WEBHOOK_SECRET_KEYS");
        assertThatThrownBy(() -> WebhookSecrets.requireKeys(Optional.of(DEV), false)).hasMessageContaining("development key");
        assertThatThrownBy(() -> WebhookSecrets.requireKeys(Optional.of(NEW + "," + DEV), false)).hasMessageContaining("development key");
        assertThat(WebhookSecrets.requireKeys(Optional.of(DEV), true).currentKeyId()).isEqualTo("dev");
        assertThat(WebhookSecrets.requireKeys(Optional.of(NEW), false).currentKeyId()).isEqualTo("k2");
    }
}
