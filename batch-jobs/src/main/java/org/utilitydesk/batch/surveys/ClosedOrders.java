package org.utilitydesk.batch.surveys;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.logging.Logger;

/**
 * Reads the work orders closed on the job's day (local time) that have no survey yet, by ascending id; the
 * checkpoint is the last id handed out. Leaves the survey policy for the processor; without an active
 * policy nothing is read.
 */
@Named
@Dependent
public class ClosedOrders extends AbstractItemReader {

    private static final Logger LOG = Logger.getLogger(ClosedOrders.class.getName());
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int PAGE = 500;

    @Inject
    private SurveyLedger ledger;

    @Inject
    private StepContext step;

    @Inject
    @BatchProperty
    private String day;

    private final Deque<SurveyPolicy.ClosedOrder> page = new ArrayDeque<>();
    private Instant from;
    private Instant to;
    private long lastId;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        LocalDate date = day == null || day.isBlank() ? LocalDate.now(ZONE).minusDays(1) : LocalDate.parse(day.strip());
        from = date.atStartOfDay(ZONE).toInstant();
        to = date.plusDays(1).atStartOfDay(ZONE).toInstant();
        lastId = checkpoint == null ? 0L : (Long) checkpoint;
        SurveyPolicy policy = ledger.policy().orElse(null);
        step.setTransientUserData(policy);
        exhausted = policy == null;
        if (policy == null) {
            LOG.warning("no active survey_policy: nothing is surveyed");
        }
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            List<SurveyPolicy.ClosedOrder> found = ledger.closedOrders(from, to, lastId, PAGE);
            page.addAll(found);
            exhausted = found.size() < PAGE;
        }
        SurveyPolicy.ClosedOrder next = page.poll();
        if (next != null) {
            lastId = next.id();
        }
        return next;
    }

    @Override
    public Serializable checkpointInfo() {
        return lastId;
    }
}
