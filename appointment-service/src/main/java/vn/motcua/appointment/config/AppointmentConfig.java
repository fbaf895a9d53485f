package vn.motcua.appointment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** {@code motcua.appointment.*}: the booking rules of this service, overridable per environment. */
@ConfigMapping(prefix = "motcua.appointment")
public interface AppointmentConfig {

    /** A slot can be booked only this long before it starts, so that the counter can prepare. */
    @WithDefault("PT2H")
    Duration minimumNotice();

    /** How many days ahead slots are offered. */
    @WithDefault("30")
    int horizonDays();

    /** How long a held seat waits for the citizen's confirmation before it is released. */
    @WithDefault("PT10M")
    Duration hold();

    /** Cancelling or rescheduling is allowed until this long before the slot starts. */
    @WithDefault("PT2H")
    Duration changeCutoff();

    /** Active bookings a citizen may hold with slots in one ISO week. */
    @WithDefault("3")
    int maxActivePerWeek();

    Queue queue();

    Reminders reminders();

    Jobs jobs();

    interface Jobs {
        /** How often the clock-driven jobs run ({@code off} disables them, e.g. in tests that call them directly). */
        @WithDefault("30s")
        String every();
    }

    interface Queue {
        /** A ticket called this many times without answer becomes a no-show. */
        @WithDefault("3")
        int noShowAfterCalls();

        /** A confirmed booking not checked in this long after its slot ended is a no-show. */
        @WithDefault("PT30M")
        Duration noShowGrace();

        /** Check-in opens this long before the slot starts. */
        @WithDefault("PT1H")
        Duration checkInEarly();
    }

    interface Reminders {
        @WithDefault("24,2")
        List<Integer> hoursBefore();
    }
}
