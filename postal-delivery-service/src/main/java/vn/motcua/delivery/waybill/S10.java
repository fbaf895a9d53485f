package vn.motcua.delivery.waybill;

import java.util.regex.Pattern;

/**
 * UPU S10 item identifiers, the waybill format of national postal operators (e.g. {@code EL123456785VN}): two
 * letters, an 8-digit serial, a check digit, two letters (the country). The check digit lets us refuse a mistyped
 * tracking number in a status report before looking it up.
 */
public final class S10 {

    private static final int[] WEIGHTS = {8, 6, 4, 2, 3, 5, 9, 7};
    private static final Pattern FORMAT = Pattern.compile("[A-Z]{2}\\d{9}[A-Z]{2}");
    public static final long MAX_SERIAL = 99_999_999L;

    private S10() {
    }

    public static int checkDigit(long serial) {
        if (serial < 0 || serial > MAX_SERIAL) {
            throw new IllegalArgumentException("serial must have at most 8 digits: " + serial);
        }
        String digits = String.format("%08d", serial);
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 0 : check == 11 ? 5 : check;
    }

    public static String of(String prefix, long serial, String suffix) {
        return prefix + String.format("%08d", serial) + checkDigit(serial) + suffix;
    }

    /** Well-formed and with a correct check digit. */
    public static boolean valid(String trackingNumber) {
        if (trackingNumber == null || !FORMAT.matcher(trackingNumber).matches()) {
            return false;
        }
        long serial = Long.parseLong(trackingNumber.substring(2, 10));
        return trackingNumber.charAt(10) - '0' == checkDigit(serial);
    }
}
