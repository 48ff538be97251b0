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
        LOG.info(() -> "job " + job.getJobName() + "#" + job.getExecutionId() + " ended " + job.getBatchStatus()
                + (job.getExitStatus() == null ? "" : " (" + job.getExitStatus() + ")"));
    }
}
