package vn.motcua.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which days state agencies work: Monday to Friday except public holidays (Tết Nguyên Đán included). Immutable.
 * The bundled holiday list covers 2025–2027; services add or override days from configuration.
 */
public final class WorkingCalendar {

    /** Business rules (due dates, slots, opening hours) are evaluated in Viet Nam's time zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Map<LocalDate, String> holidays;

    private WorkingCalendar(Map<LocalDate, String> holidays) {
        this.holidays = Map.copyOf(holidays);
    }

    /** The bundled Vietnamese public holidays. */
    public static WorkingCalendar vietnam() {
        return new WorkingCalendar(bundled());
    }

    public static WorkingCalendar of(Map<LocalDate, String> holidays) {
        return new WorkingCalendar(holidays);
    }

    /** This calendar plus extra closed days (e.g. a local closure, next year's Tết before we ship an update). */
    public WorkingCalendar withHolidays(Map<LocalDate, String> extra) {
        Map<LocalDate, String> all = new TreeMap<>(holidays);
        all.putAll(extra);
        return new WorkingCalendar(all);
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.containsKey(date);
    }

    public Optional<String> holidayName(LocalDate date) {
        return Optional.ofNullable(holidays.get(date));
    }

    /**
     * The date {@code workingDays} working days after {@code start} (start itself not counted):
     * received on Friday with 1 working day → due Monday, or the next working day if Monday is a holiday.
     */
    public LocalDate plusWorkingDays(LocalDate start, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must be >= 0, was " + workingDays);
        }
        LocalDate date = start;
        int remaining = workingDays;
        while (remaining > 0) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                remaining--;
            }
        }
        return date;
    }

    /** Working days in (from, to]: how many working days elapsed after {@code from} up to and including {@code to}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from);
        int count = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                count++;
            }
        }
        return count;
    }

    /** The first working day on or after {@code date}. */
    public LocalDate nextWorkingDayFrom(LocalDate date) {
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    public Collection<LocalDate> holidays() {
        return new TreeMap<>(holidays).keySet();
    }

    private static Map<LocalDate, String> bundled() {
        Map<LocalDate, String> days = new TreeMap<>();
        try (InputStream in = WorkingCalendar.class.getResourceAsStream("vn-public-holidays.csv")) {
            Objects.requireNonNull(in, "vn-public-holidays.csv missing from the classpath");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(",", 2);
                days.put(LocalDate.parse(parts[0].trim()), parts.length > 1 ? parts[1].trim() : "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return days;
    }
}
