package vn.motcua.payment.provider;

import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Constants and encodings of the card/QR gateway protocol (VNPAY-style, version 2.1.0), shared by our client and the
 * sandbox so that both sides read the same words.
 */
public final class GatewayProtocol {

    public static final String VERSION = "2.1.0";
    public static final String CURRENCY = "VND";
    /** Response codes of the IPN acknowledgement. */
    public static final String ACK_OK = "00";
    public static final String ACK_NOT_FOUND = "01";
    public static final String ACK_ALREADY_CONFIRMED = "02";
    public static final String ACK_INVALID_AMOUNT = "04";
    public static final String ACK_INVALID_SIGNATURE = "97";
    public static final String ACK_OTHER = "99";
    /** Payment response codes: 00 success, 24 cancelled by the customer, anything else failed. */
    public static final String PAID = "00";
    public static final String CUSTOMER_CANCELLED = "24";
    /** Transaction status in querydr answers: 00 success, 01 not completed, 02 failed, 24 cancelled. */
    public static final String TXN_SUCCESS = "00";
    public static final String TXN_PENDING = "01";
    public static final String TXN_FAILED = "02";
    public static final String TXN_CANCELLED = "24";
    /** querydr answer code for an unknown transaction. */
    public static final String QUERY_NOT_FOUND = "91";

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZONE);
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");

    private GatewayProtocol() {
    }

    public static String time(OffsetDateTime time) {
        return TIME.format(time);
    }

    /** The gateway carries amounts in hundredths of a đồng. */
    public static String amount(long vnd) {
        return Long.toString(Math.multiplyExact(vnd, 100L));
    }

    /**
     * Reads a gateway amount back into đồng.
     *
     * @throws IllegalArgumentException for negative, fractional, non-numeric or overflowing values
     */
    public static long vnd(String gatewayAmount) {
        if (gatewayAmount == null || !DIGITS.matcher(gatewayAmount).matches()) {
            throw new IllegalArgumentException("amount '" + gatewayAmount + "' is not a whole non-negative number");
        }
        long hundredths;
        try {
            hundredths = Long.parseLong(gatewayAmount);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("amount '" + gatewayAmount + "' overflows");
        }
        if (hundredths % 100 != 0) {
            throw new IllegalArgumentException("amount '" + gatewayAmount + "' has fractions of a đồng");
        }
        return hundredths / 100;
    }

    /** Order descriptions travel without diacritics (the gateway's rule). */
    public static String ascii(String text) {
        String stripped = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('đ', 'd').replace('Đ', 'D');
        return stripped.replaceAll("[^A-Za-z0-9 .,:_-]", " ").trim();
    }
}
