package org.utilitydesk.batch.reminders;

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

/**
 * Reminder calls written but not placed yet (of the last two days, so a call a stopped run left behind is
 * still placed by the next one), by ascending id; the checkpoint is the last id handed out.
 */
@Named
@Dependent
public class PendingReminderCalls extends AbstractItemReader {

    private static final Logger LOG = Logger.getLogger(PendingReminderCalls.class.getName());

    private static final int PAGE = 200;

    @Inject
    private ReminderLedger ledger;

    private final Deque<ReminderLedger.PendingCall> page = new ArrayDeque<>();
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
            LOG.warning("the telephone system is not connected: reminder calls wait for the next run");
            exhausted = true;
        }
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            var found = ledger.pendingCalls(since, lastId, PAGE);
            page.addAll(found);
            exhausted = found.size() < PAGE;
        }
        ReminderLedger.PendingCall next = page.poll();
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
