package vn.motcua.payment;

/**
 * Client input made safe to log: control characters (CR, LF, ESC, …) are escaped as a backslash, "u" and four hex digits, so that a value
 * cannot forge log lines or terminal sequences, and long values are cut.
 */
public final class LogSafe {

    static final int MAX = 200;

    private LogSafe() {
    }

    public static String text(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX) + 8);
        for (int i = 0; i < value.length() && i < MAX; i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (value.length() > MAX) {
            out.append("…");
        }
        return out.toString();
    }
}
