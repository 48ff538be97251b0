package org.utilitydesk.batch.control;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a supervisor sees of one job execution: its status, per step the counts JSR-352 keeps, and how far
 * it is in percent when its reader can tell (null otherwise).
 */
public record JobExecutionView(long executionId, String jobName, String batchStatus, String exitStatus,
                               Instant startedAt, Instant endedAt, Map<String, String> parameters,
                               List<StepView> steps, Integer percentDone) {

    /** Still starting or running (a stop may be asked). */
    public boolean running() {
        return "STARTING".equals(batchStatus) || "STARTED".equals(batchStatus);
    }

    /** Failed or stopped: a restart may continue it from its checkpoint. */
    public boolean restartable() {
        return "FAILED".equals(batchStatus) || "STOPPED".equals(batchStatus);
    }

    /** Metrics of one step execution: read, write, filter, skip, commit and rollback counts. */
    public record StepView(String stepName, String batchStatus, long readCount, long writeCount, long filterCount,
                           long skipCount, long commitCount, long rollbackCount) {
    }
}
