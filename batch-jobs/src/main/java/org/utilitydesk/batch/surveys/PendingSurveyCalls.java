package org.utilitydesk.batch.surveys;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Logger;
import org.utilitydesk.application.OutboundCalls;
import java.util.List;

/** Survey calls sampled in the last two days and not placed yet, by ascending id; checkpoint: the last id. */
@Named
@Dependent
public class PendingSurveyCalls extends AbstractItemReader {

    private static final Logger LOG = Logger.getLogger(PendingSurveyCalls.class.getName());

    private static final int PAGE = 200;

    @Inject
    private SurveyLedger ledger;

    private final Deque<SurveyLedger.PendingCall> page = new ArrayDeque<>();
    private Instant since;
    private long lastId;
    private boolean exhausted;

    @Inject
    private OutboundCalls outboundCalls;

    @Override
    public void open(Serializable checkpoint) {
        since = Clock.systemUTC().instant().minus(Duration.ofDays(2));
        lastId = checkpoint == null ? 0L : (Long) checkpoint;
        if (!outboundCalls.available()) {
            // the calls stay pending for the next run rather than each being recorded as failed
            LOG.warning("the telephone system is not connected: survey calls wait for the next run");
            exhausted = true;
        }
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            List<SurveyLedger.PendingCall> found = ledger.pendingCalls(since, lastId, PAGE);
            page.addAll(found);
            exhausted = found.size() < PAGE;
        }
        SurveyLedger.PendingCall next = page.poll();
        if (next != null) {
            lastId = next.surveyId();
        }
        return next;
    }

    @Override
    public Serializable checkpointInfo() {
        return lastId;
    }
}
