package vn.motcua.appointment.reminder;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import vn.motcua.appointment.booking.BookingService;
import vn.motcua.appointment.suspension.SuspensionService;

/**
 * The clock-driven work: released holds, no-shows, reminders, suspensions that reached their end. Every job is safe
 * on several instances at once (row locks with skip-locked, or insert-once rows), so no leader election is needed.
 */
@ApplicationScoped
public class AppointmentJobs {

    private static final Logger LOG = Logger.getLogger(AppointmentJobs.class);

    @Inject
    BookingService bookings;
    @Inject
    ReminderService reminders;
    @Inject
    SuspensionService suspensions;

    @Scheduled(every = "${motcua.appointment.jobs.every}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        step("release expired holds", bookings::releaseExpiredHolds);
        step("mark no-shows", bookings::markNoShows);
        step("send reminders", reminders::sendDue);
        step("end suspensions", suspensions::endExpired);
    }

    private static void step(String name, java.util.function.IntSupplier job) {
        try {
            int done = job.getAsInt();
            if (done > 0) {
                LOG.debugf("%s: %d", name, done);
            }
        } catch (RuntimeException e) {
            // one failing job must not stop the others; the next run retries
            LOG.warnf(e, "job '%s' failed", name);
        }
    }
}
