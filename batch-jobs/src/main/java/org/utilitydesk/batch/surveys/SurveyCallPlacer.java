package org.utilitydesk.batch.surveys;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.utilitydesk.application.OutboundCalls;
import org.utilitydesk.domain.model.call.OutboundCall;

/**
 * Places each pending survey call (request key {@code survey-<id>}: a call placed before a crash is found
 * again, not placed twice). If the telephone system refuses it, an agent makes the survey instead.
 */
@Named
@Dependent
public class SurveyCallPlacer extends AbstractItemWriter {

    @Inject
    private SurveyLedger ledger;

    @Inject
    private OutboundCalls outboundCalls;

    @Override
    public void writeItems(List<Object> items) {
        for (Object item : items) {
            SurveyLedger.PendingCall pending = (SurveyLedger.PendingCall) item;
            OutboundCall call = outboundCalls.dial(new OutboundCalls.DialRequest("survey-" + pending.surveyId(),
                    OutboundCall.Purpose.SURVEY, pending.number(), pending.accountId(), "callback-surveys", null));
            boolean failed = call.getState() == OutboundCall.State.FAILED;
            ledger.placed(pending.surveyId(), failed, failed ? call.getReason() : "OUTBOUND_CALL " + call.getId());
        }
    }
}
