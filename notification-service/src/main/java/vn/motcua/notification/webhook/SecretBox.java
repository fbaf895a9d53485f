package vn.motcua.notification.webhook;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * AES-256-GCM encryption of webhook secrets at rest, with a key ring so keys can be rotated: the first key of the
 * ring encrypts, every key of the ring decrypts. A sealed secret is its key id plus base64(nonce ‖ ciphertext ‖ tag);
 * the subscription id is the associated data, so a sealed secret copied onto another subscription does not open.
 * Plain Java, no framework types.
 */
public final class SecretBox {

    /** A secret as stored: which key sealed it, and the sealed bytes (base64). */
    public record Sealed(String keyId, String ciphertext) {
    }

    /** SHA-256 of the development/test key shipped in application.properties; refused outside dev and test. */
    static final String DEVELOPMENT_KEY_SHA256 = "e7972cbf889a5995a6aab8e08df1e1db2344736e3f75767af0c77cbd919745b4";

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keys;
    private final java.util.List<String> keyOrder;

    private SecretBox(String currentKeyId, Map<String, SecretKeySpec> keys, java.util.List<String> keyOrder) {
        this.currentKeyId = currentKeyId;
        this.keys = keys;
        this.keyOrder = keyOrder;
    }

    /**
     * Parses the ring {@code id:base64key[,id:base64key...]}; the first key is the current one. Each key is 32 random
     * bytes (AES-256), e.g. {@code head -c 32 /dev/urandom | base64}.
     *
     * @throws IllegalArgumentException when the ring is empty or malformed (the service must not start then)
     */
    public static SecretBox of(String ring) {
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        for (String entry : ring == null ? new String[0] : ring.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("a webhook secret key must be written <key id>:<base64 of 32 bytes>");
            }
            String id = trimmed.substring(0, colon);
            if (!id.matches("[A-Za-z0-9._-]{1,50}")) {
                throw new IllegalArgumentException("webhook secret key id '" + id + "' must be 1-50 of A-Z a-z 0-9 . _ -");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(trimmed.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("webhook secret key '" + id + "' is not base64");
            }
            if (key.length != 32) {
                throw new IllegalArgumentException("webhook secret key '" + id + "' must be 32 bytes (AES-256), it is " + key.length);
            }
            if (keys.putIfAbsent(id, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalArgumentException("webhook secret key id '" + id + "' appears twice");
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no webhook secret key configured (motcua.notification.webhook.secret-keys)");
        }
        return new SecretBox(keys.keySet().iterator().next(), Map.copyOf(keys), java.util.List.copyOf(keys.keySet()));
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    /** Every key id of the ring, the current one first. */
    public java.util.List<String> keyIds() {
        return java.util.List.copyOf(keyOrder);
    }

    /** Whether the ring holds the published development key (by fingerprint). */
    public boolean holdsDevelopmentKey() {
        return keys.values().stream().anyMatch(k -> DEVELOPMENT_KEY_SHA256.equals(sha256(k.getEncoded())));
    }

    public Sealed seal(String secret, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return new Sealed(currentKeyId, Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The secret, or empty when the key is not in the ring or the ciphertext does not authenticate. */
    public Optional<String> open(Sealed sealed, String associatedData) {
        SecretKeySpec key = keys.get(sealed.keyId());
        if (key == null) {
            return Optional.empty();
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.ciphertext());
            if (in.length <= NONCE_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return Optional.of(new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * A keyed digest of a secret (HMAC-SHA256 under the current key): lets a request that carries a secret be
     * compared with an earlier one (idempotency) without storing anything a guess could be checked against offline.
     */
    public String digest(String secret) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.get(currentKeyId).getEncoded(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(("webhook-secret-digest|" + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
