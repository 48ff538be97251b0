package org.utilitydesk.batch.surveys;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import org.utilitydesk.batch.control.PendingCallReader;

/** Survey calls sampled but not placed yet. */
@Named
@Dependent
public class PendingSurveyCalls extends PendingCallReader<SurveyLedger.PendingCall> {

    @Inject
    private SurveyLedger ledger;

    @Override
    protected List<SurveyLedger.PendingCall> pending(Instant since, long afterId, int size) {
        return ledger.pendingCalls(since, afterId, size);
    }

    @Override
    protected long keyOf(SurveyLedger.PendingCall call) {
        return call.surveyId();
    }
}
