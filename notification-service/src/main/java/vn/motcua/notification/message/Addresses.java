package vn.motcua.notification.message;

import java.util.Optional;
import java.util.regex.Pattern;

/** Checks recipient addresses before anything is queued, so that a bad one fails its message with a reason. */
public final class Addresses {

    // deliberately simple: one @, a dot in the domain, no spaces; the SMTP server has the last word
    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");
    // Vietnamese mobile numbers: 0 / 84 / +84, then a mobile prefix (3, 5, 7, 8, 9) and 8 digits
    private static final Pattern VN_MOBILE = Pattern.compile("^(?:\\+?84|0)([35789]\\d{8})$");

    private Addresses() {
    }

    public static boolean isEmail(String address) {
        return address != null && address.length() <= 254 && EMAIL.matcher(address.trim()).matches();
    }

    /** The number in international form without '+' ({@code 84912345678}), or empty when it is no Vietnamese mobile. */
    public static Optional<String> normalisedMobile(String phone) {
        if (phone == null) {
            return Optional.empty();
        }
        var matcher = VN_MOBILE.matcher(phone.replaceAll("[\\s.()-]", ""));
        return matcher.matches() ? Optional.of("84" + matcher.group(1)) : Optional.empty();
    }
}
