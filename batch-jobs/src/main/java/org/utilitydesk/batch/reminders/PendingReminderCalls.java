package org.utilitydesk.batch.reminders;

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
 * Reminder calls written but not placed yet (of the last two days, so a call a stopped run left behind is
 * still placed by the next one), by ascending id. While the telephone system is not connected nothing is
 * read: the calls stay pending for the next run rather than each being recorded as failed.
 */
@Named
@Dependent
public class PendingReminderCalls extends KeysetReader<ReminderLedger.PendingCall> {

    private static final Logger LOG = Logger.getLogger(PendingReminderCalls.class.getName());

    @Inject
    private ReminderLedger ledger;

    @Inject
    private OutboundCalls outboundCalls;

    private Instant since;

    public PendingReminderCalls() {
        super(200);
    }

    @Override
    protected boolean prepare() {
        since = Clock.systemUTC().instant().minus(Duration.ofDays(2));
        if (!outboundCalls.available()) {
            LOG.warning("the telephone system is not connected: reminder calls wait for the next run");
            return false;
        }
        return true;
    }

    @Override
    protected List<ReminderLedger.PendingCall> page(long afterId, int size) {
        return ledger.pendingCalls(since, afterId, size);
    }

    @Override
    protected long keyOf(ReminderLedger.PendingCall call) {
        return call.id();
    }
}
