package org.utilitydesk.batch.reminders;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import org.utilitydesk.batch.control.PendingCallReader;

/** Reminder calls written but not placed yet. */
@Named
@Dependent
public class PendingReminderCalls extends PendingCallReader<ReminderLedger.PendingCall> {

    @Inject
    private ReminderLedger ledger;

    @Override
    protected List<ReminderLedger.PendingCall> pending(Instant since, long afterId, int size) {
        return ledger.pendingCalls(since, afterId, size);
    }

    @Override
    protected long keyOf(ReminderLedger.PendingCall call) {
        return call.id();
    }
}
