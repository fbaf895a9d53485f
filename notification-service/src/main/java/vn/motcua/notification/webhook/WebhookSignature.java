package vn.motcua.notification.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Signature of a webhook delivery: {@code X-Motcua-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}
 * with {@code X-Motcua-Timestamp} the Unix time in seconds. Signing the timestamp with the body lets a receiver
 * refuse replays (reject timestamps older than a few minutes). Plain Java; receivers can copy {@link #verify}.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Motcua-Signature";
    public static final String TIMESTAMP_HEADER = "X-Motcua-Timestamp";
    public static final String EVENT_ID_HEADER = "X-Motcua-Event-Id";
    public static final String EVENT_TYPE_HEADER = "X-Motcua-Event-Type";
    public static final String DELIVERY_ID_HEADER = "X-Motcua-Delivery-Id";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** Constant-time check of a received signature, refusing timestamps further than {@code toleranceSeconds} from now. */
    public static boolean verify(String secret, String timestampHeader, String body, String signatureHeader,
                                 long nowEpochSeconds, long toleranceSeconds) {
        if (timestampHeader == null || signatureHeader == null) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(nowEpochSeconds - timestamp) > toleranceSeconds) {
            return false;
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signatureHeader.trim().getBytes(StandardCharsets.US_ASCII));
    }
}
