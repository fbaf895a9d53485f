package vn.motcua.notification.preference;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * No SMS at night: a window [start, end) in local time that may cross midnight (21:00–07:00). An SMS due inside
 * it waits until the window ends. Plain Java, unit tested.
 */
public record QuietHours(boolean enabled, LocalTime start, LocalTime end, ZoneId zone) {

    public boolean contains(OffsetDateTime time) {
        if (!enabled || start.equals(end)) {
            return false;
        }
        LocalTime local = time.atZoneSameInstant(zone).toLocalTime();
        return start.isBefore(end)
                ? !local.isBefore(start) && local.isBefore(end)
                : !local.isBefore(start) || local.isBefore(end);
    }

    /** {@code time} itself when outside the window, else the end of the window (same or next day). */
    public OffsetDateTime earliestSend(OffsetDateTime time) {
        if (!contains(time)) {
            return time;
        }
        ZonedDateTime local = time.atZoneSameInstant(zone);
        ZonedDateTime endToday = local.toLocalDate().atTime(end).atZone(zone);
        ZonedDateTime release = endToday.isAfter(local) ? endToday : endToday.plusDays(1);
        return release.toOffsetDateTime();
    }
}
