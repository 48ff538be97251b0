package org.utilitydesk.batch.surveys;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.logging.Logger;
import org.utilitydesk.batch.control.JobDates;
import org.utilitydesk.batch.control.KeysetReader;

/**
 * Reads the work orders closed on the job's day (local time) that have no survey yet, by ascending id. Leaves
 * the survey policy for the processor; without an active policy nothing is read.
 */
@Named
@Dependent
public class ClosedOrders extends KeysetReader<SurveyPolicy.ClosedOrder> {

    private static final Logger LOG = Logger.getLogger(ClosedOrders.class.getName());

    @Inject
    private SurveyLedger ledger;

    @Inject
    private StepContext step;

    @Inject
    @BatchProperty
    private String day;

    private Instant from;
    private Instant to;

    public ClosedOrders() {
        super(500);
    }

    @Override
    protected boolean prepare() {
        LocalDate date = JobDates.day(day, -1);
        from = date.atStartOfDay(JobDates.ZONE).toInstant();
        to = date.plusDays(1).atStartOfDay(JobDates.ZONE).toInstant();
        SurveyPolicy policy = ledger.policy().orElse(null);
        step.setTransientUserData(policy);
        if (policy == null) {
            LOG.warning("no active survey_policy: nothing is surveyed");
        }
        return policy != null;
    }

    @Override
    protected List<SurveyPolicy.ClosedOrder> page(long afterId, int size) {
        return ledger.closedOrders(from, to, afterId, size);
    }

    @Override
    protected long keyOf(SurveyPolicy.ClosedOrder order) {
        return order.id();
    }
}
