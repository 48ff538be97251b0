package org.utilitydesk.batch.control;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What a supervisor sees of one job execution: its status and, per step, the counts JSR-352 keeps. */
public record JobExecutionView(long executionId, String jobName, String batchStatus, String exitStatus,
                               Instant startedAt, Instant endedAt, Map<String, String> parameters,
                               List<StepView> steps) {

    /** Metrics of one step execution: read, write, filter, skip, commit and rollback counts. */
    public record StepView(String stepName, String batchStatus, long readCount, long writeCount, long filterCount,
                           long skipCount, long commitCount, long rollbackCount) {
    }
}
