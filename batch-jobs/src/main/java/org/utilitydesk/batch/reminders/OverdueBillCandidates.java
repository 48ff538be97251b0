package org.utilitydesk.batch.reminders;

import org.utilitydesk.batch.control.JobDates;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.logging.Logger;
import org.utilitydesk.batch.control.JobProgress;

/**
 * Reads the unpaid bills an open reminder window may cover, in ascending id, walking the bill ids in fixed
 * ranges. The checkpoint is the id up to which every bill has been handed out, so a restarted step goes
 * on after it. Leaves the step's {@link ReminderPlan} for the processor.
 */
@Named
@Dependent
public class OverdueBillCandidates extends AbstractItemReader {

    private static final Logger LOG = Logger.getLogger(OverdueBillCandidates.class.getName());
    private static final int PAGE = 500;
    private static final long RANGE = 50_000;

    @Inject
    private ReminderLedger ledger;

    @Inject
    private StepContext step;

    @Inject
    private JobContext job;

    @Inject
    private JobProgress progress;

    @Inject
    @BatchProperty
    private String at;

    private final Deque<ReminderCandidate> page = new ArrayDeque<>();
    private ReminderPlan plan;
    private long position;
    private long scannedTo;
    private long maxId;

    @Override
    public void open(Serializable checkpoint) {
        plan = new ReminderPlan(JobDates.moment(at), ledger.policies(), ledger.quietPeriods());
        step.setTransientUserData(plan);
        position = checkpoint == null ? 0L : (Long) checkpoint;
        scannedTo = position;
        maxId = plan.openPolicies().isEmpty() ? 0L : ledger.maxBillId();
        LOG.info(() -> plan.quietPeriod().map(q -> "reminders at " + plan.at() + ": quiet period " + q.name() + ", none sent")
                .orElseGet(() -> "reminders at " + plan.at() + ": open windows " + plan.openPolicies().stream()
                        .map(ReminderPolicy::name).toList() + ", bills due " + plan.oldestDueDate() + " to " + plan.newestDueDate()));
    }

    @Override
    public Object readItem() {
        while (page.isEmpty() && scannedTo < maxId) {
            long until = Math.min(scannedTo + RANGE, maxId);
            List<ReminderCandidate> found = ledger.candidates(plan.oldestDueDate(), plan.newestDueDate(), scannedTo, until, PAGE);
            page.addAll(found);
            scannedTo = found.size() < PAGE ? until : found.get(found.size() - 1).billId();
            progress.report(job.getExecutionId(), scannedTo, maxId);
        }
        ReminderCandidate next = page.poll();
        if (next != null) {
            position = page.isEmpty() ? scannedTo : next.billId();
        }
        return next;
    }

    @Override
    public Serializable checkpointInfo() {
        return position;
    }
}
