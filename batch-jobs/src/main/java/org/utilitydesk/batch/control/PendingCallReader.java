package org.utilitydesk.batch.control;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.utilitydesk.application.OutboundCalls;

/**
 * Reads outbound calls a job wrote but has not placed yet (of the last two days, so calls a stopped run left
 * behind are placed by the next one), by ascending id. While the telephone system is not connected nothing is
 * read: the calls stay pending for the next run rather than each being recorded as failed.
 */
public abstract class PendingCallReader<T> extends KeysetReader<T> {

    private static final Logger LOG = Logger.getLogger(PendingCallReader.class.getName());

    @Inject
    private OutboundCalls outboundCalls;

    private Instant since;

    protected PendingCallReader() {
        super(200);
    }

    /** Pending calls written since {@code since}, ids after {@code afterId}, ascending. */
    protected abstract List<T> pending(Instant since, long afterId, int size);

    @Override
    protected boolean prepare() {
        since = Clock.systemUTC().instant().minus(Duration.ofDays(2));
        if (!outboundCalls.available()) {
            LOG.warning(() -> "the telephone system is not connected: " + getClass().getSimpleName() + " wait for the next run");
            return false;
        }
        return true;
    }

    @Override
    protected List<T> page(long afterId, int size) {
        return pending(since, afterId, size);
    }
}
