package vn.motcua.appointment.config;

import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;
import vn.motcua.calendar.WorkingCalendar;

/** The national public-holiday calendar; local closures are per service point (table {@code closure}). */
public class CalendarProducer {

    @Produces
    @Singleton // WorkingCalendar is final: no client proxy
    WorkingCalendar calendar() {
        return WorkingCalendar.vietnam();
    }
}
