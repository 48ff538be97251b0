package org.utilitydesk.batch.control;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Logger;

/** Logs the start and end of each job execution, so the server log tells what ran and how it ended. */
@Named
@Dependent
public class JobOutcomeLogger extends AbstractJobListener {

    private static final Logger LOG = Logger.getLogger(JobOutcomeLogger.class.getName());

    @Inject
    private JobContext job;

    @Override
    public void beforeJob() {
        LOG.info(() -> "job " + job.getJobName() + "#" + job.getExecutionId() + " started");
    }

    @Override
    public void afterJob() {
        // the batch status still says STARTED here (the runtime sets the final one after the listeners); the exit
        // status is what the steps left
        LOG.info(() -> "job " + job.getJobName() + "#" + job.getExecutionId() + " ended"
                + (job.getExitStatus() == null ? "" : " with exit status " + job.getExitStatus()));
    }
}
