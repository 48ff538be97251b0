package org.utilitydesk.batch.reminders;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.List;
import org.utilitydesk.application.OutboundCalls;
import org.utilitydesk.domain.model.call.OutboundCall;

/**
 * Places each pending reminder call through the telephone system; once the customer answers, the outbound
 * IVR reads them the amount due. The reminder's delivery key is the call's request key, so a call placed
 * before a crash is found again, never placed twice.
 */
@Named
@Dependent
public class ReminderCallPlacer extends AbstractItemWriter {

    @Inject
    private ReminderLedger ledger;

    @Inject
    private OutboundCalls outboundCalls;

    @Override
    public void writeItems(List<Object> items) {
        for (Object item : items) {
            ReminderLedger.PendingCall pending = (ReminderLedger.PendingCall) item;
            OutboundCall call = outboundCalls.dial(new OutboundCalls.DialRequest(pending.deliveryKey(),
                    OutboundCall.Purpose.REMINDER, pending.number(), pending.accountId(), "payment-reminders", null));
            boolean failed = call.getState() == OutboundCall.State.FAILED;
            ledger.placed(pending.id(), failed, failed ? call.getReason() : "OUTBOUND_CALL " + call.getId(),
                    Clock.systemUTC().instant());
        }
    }
}
