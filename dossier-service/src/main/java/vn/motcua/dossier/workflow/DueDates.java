package vn.motcua.dossier.workflow;

import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.dossier.common.DossierConfig.SupplementClock;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * Due dates in working days (phiếu hẹn trả kết quả). Plain Java over a {@link WorkingCalendar}, so the rules are
 * unit-tested without the application.
 *
 * <ul>
 *   <li>The clock starts on the day of reception; a dossier received on a day off counts as received on the next
 *       working day.</li>
 *   <li>{@code n} working days later, at {@code endOfDay} (Asia/Ho_Chi_Minh), the result is due.</li>
 *   <li>A supplement request either pauses the clock (the due date moves by the working days the applicant took)
 *       or restarts it from resubmission, as configured.</li>
 * </ul>
 */
public final class DueDates {

    public enum Timeliness { EARLY, ON_TIME, LATE }

    private final WorkingCalendar calendar;
    private final LocalTime endOfDay;

    public DueDates(WorkingCalendar calendar, LocalTime endOfDay) {
        this.calendar = Objects.requireNonNull(calendar);
        this.endOfDay = Objects.requireNonNull(endOfDay);
    }

    public OffsetDateTime dueAt(OffsetDateTime receivedAt, int workingDays) {
        LocalDate start = calendar.nextWorkingDayFrom(localDate(receivedAt));
        return at(calendar.plusWorkingDays(start, workingDays));
    }

    /** The due date after the applicant resubmitted a dossier that was waiting for supplementary documents. */
    public OffsetDateTime afterSupplement(OffsetDateTime dueAt, OffsetDateTime requestedAt, OffsetDateTime resubmittedAt,
                                          int processingDays, SupplementClock rule) {
        if (rule == SupplementClock.RESTART || dueAt == null) {
            return dueAt(resubmittedAt, processingDays);
        }
        int paused = calendar.workingDaysBetween(localDate(requestedAt), localDate(resubmittedAt));
        return at(calendar.plusWorkingDays(localDate(dueAt), paused));
    }

    /** A step deadline, {@code workingDays} after {@code from}. */
    public OffsetDateTime stepDue(OffsetDateTime from, int workingDays) {
        return dueAt(from, workingDays);
    }

    /** Early = resolved before the due day; on time = by the due time; late = after it. */
    public Timeliness timeliness(OffsetDateTime dueAt, OffsetDateTime resolvedAt) {
        if (dueAt == null) {
            return Timeliness.ON_TIME;
        }
        if (localDate(resolvedAt).isBefore(localDate(dueAt))) {
            return Timeliness.EARLY;
        }
        return resolvedAt.isAfter(dueAt) ? Timeliness.LATE : Timeliness.ON_TIME;
    }

    private OffsetDateTime at(LocalDate day) {
        return day.atTime(endOfDay).atZone(WorkingCalendar.ZONE).toOffsetDateTime();
    }

    private static LocalDate localDate(OffsetDateTime time) {
        return time.atZoneSameInstant(WorkingCalendar.ZONE).toLocalDate();
    }
}
