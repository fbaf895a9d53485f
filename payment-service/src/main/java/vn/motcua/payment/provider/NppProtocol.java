package vn.motcua.payment.provider;

import vn.motcua.contracts.common.FeeLine;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The national payment platform's message hashes (PayGov-style): the listed fields joined with '|', then '|' and the
 * shared secret, hashed with SHA-256 (hex). Shared by our client and the sandbox.
 */
public final class NppProtocol {

    public static final String SEPARATOR = "|";
    public static final String OK = "00";
    public static final String NOT_FOUND = "01";
    public static final String INVALID_HASH = "02";
    public static final String INVALID_AMOUNT = "03";
    public static final String ALREADY_CONFIRMED = "04";
    public static final String OTHER = "99";

    private NppProtocol() {
    }

    public static String hash(String secret, String... fields) {
        return Signatures.sha256(String.join(SEPARATOR, fields) + SEPARATOR + secret);
    }

    /** Fee lines inside the INIT hash: {@code code:amount} joined with ';' in message order. */
    public static String feeLines(List<FeeLine> fees) {
        return fees.stream().map(f -> f.code() + ":" + f.amountVnd()).collect(Collectors.joining(";"));
    }

    public static String ackCode(NotificationVerdict verdict) {
        return switch (verdict) {
            case ACCEPTED, LATE_ACCEPTED -> OK;
            case DUPLICATE, IGNORED_FINAL -> ALREADY_CONFIRMED;
            case REJECTED_UNKNOWN_REFERENCE -> NOT_FOUND;
            case REJECTED_SIGNATURE -> INVALID_HASH;
            case REJECTED_AMOUNT -> INVALID_AMOUNT;
            case REJECTED_MALFORMED, REJECTED_CURRENCY -> OTHER;
        };
    }
}
