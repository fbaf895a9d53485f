package vn.motcua.dossier.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import vn.motcua.calendar.WorkingCalendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;

/** The clock and the working calendar, as beans so that rules and tests share one definition. */
@ApplicationScoped
public class Clocks {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.system(WorkingCalendar.ZONE);
    }

    @Produces
    @Singleton
    WorkingCalendar calendar(DossierConfig config) {
        Map<LocalDate, String> extra = new TreeMap<>();
        config.dueDates().extraHolidays().forEach((date, name) -> extra.put(LocalDate.parse(date.replace("\"", "")), name));
        return WorkingCalendar.vietnam().withHolidays(extra);
    }

    /** A time as clients and events see it: with the +07:00 offset. */
    public static OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(WorkingCalendar.ZONE).toOffsetDateTime();
    }
}
