package vn.motcua.dossier.workflow;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Marks overdue dossiers periodically ({@code motcua.dossier.overdue.every}, default 5 minutes), in batches. */
@ApplicationScoped
public class OverdueJob {

    private static final Logger LOG = Logger.getLogger(OverdueJob.class);
    private static final int BATCH = 200;

    @Inject
    WorkflowService workflow;

    @Scheduled(every = "${motcua.dossier.overdue.every:5m}", delayed = "${motcua.dossier.overdue.delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void run() {
        int total = 0;
        int marked;
        do {
            marked = workflow.markOverdue(BATCH);
            total += marked;
        } while (marked == BATCH);
        if (total > 0) {
            LOG.infof("overdue job: %d dossier(s) marked overdue", total);
        }
    }
}
