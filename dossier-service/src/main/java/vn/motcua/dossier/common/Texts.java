package vn.motcua.dossier.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text rules shared by the catalogue search and the tracking lookup. */
public final class Texts {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Texts() {
    }

    /**
     * Lower case without Vietnamese diacritics, spaces collapsed: "Đăng ký  khai sinh" → "dang ky khai sinh". Stored
     * next to the name and applied to the query, so that both spellings find the procedure without a database
     * extension ({@code unaccent} is not on every managed PostgreSQL). The seed migration uses the same rule.
     */
    public static String searchable(String text) {
        if (text == null) {
            return "";
        }
        String withoutD = text.replace('đ', 'd').replace('Đ', 'D');
        String decomposed = Normalizer.normalize(withoutD, Normalizer.Form.NFD);
        return SPACES.matcher(MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** A Vietnamese phone number in national form, digits only: "+84 912 345 678" → "0912345678". */
    public static String phoneKey(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.startsWith("84") && digits.length() >= 11) {
            digits = "0" + digits.substring(2);
        }
        return digits.isEmpty() ? null : digits;
    }

    /** Escapes LIKE wildcards in user input. */
    public static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
