package vn.motcua.notification.rules;

import vn.motcua.contracts.events.CloudEventCodec;

import java.text.NumberFormat;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How personalisation values read in each language: times in Vietnam's zone, money in whole đồng. */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private Formats() {
    }

    public static String time(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(CloudEventCodec.ZONE).format(TIME);
    }

    /** {@code 200.000 đ} in Vietnamese, {@code 200,000 VND} in English. */
    public static String money(long vnd, String language) {
        if ("en".equals(language)) {
            return NumberFormat.getIntegerInstance(Locale.US).format(vnd) + " VND";
        }
        return NumberFormat.getIntegerInstance(Locale.GERMANY).format(vnd) + " đ";
    }
}
