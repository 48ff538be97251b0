package org.utilitydesk.batch.surveys;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.utilitydesk.application.OutboundCalls;
import org.utilitydesk.batch.control.KeysetReader;

/**
 * Survey calls sampled in the last two days and not placed yet, by ascending id. While the telephone system
 * is not connected nothing is read: the calls wait for the next run.
 */
@Named
@Dependent
public class PendingSurveyCalls extends KeysetReader<SurveyLedger.PendingCall> {

    private static final Logger LOG = Logger.getLogger(PendingSurveyCalls.class.getName());

    @Inject
    private SurveyLedger ledger;

    @Inject
    private OutboundCalls outboundCalls;

    private Instant since;

    public PendingSurveyCalls() {
        super(200);
    }

    @Override
    protected boolean prepare() {
        since = Clock.systemUTC().instant().minus(Duration.ofDays(2));
        if (!outboundCalls.available()) {
            LOG.warning("the telephone system is not connected: survey calls wait for the next run");
            return false;
        }
        return true;
    }

    @Override
    protected List<SurveyLedger.PendingCall> page(long afterId, int size) {
        return ledger.pendingCalls(since, afterId, size);
    }

    @Override
    protected long keyOf(SurveyLedger.PendingCall call) {
        return call.surveyId();
    }
}
