package org.utilitydesk.domain.model.workorder;

import java.time.Instant;

/** Where an open work order stands against its SLA deadline. */
public enum SlaStatus {
    /** No deadline applies (not dispatched yet, resolved, closed or cancelled). */
    NONE,
    /** Waiting on the customer: the clock stands still. */
    PAUSED,
    ON_TRACK,
    /** 80% or more of the time has passed. */
    AT_RISK,
    BREACHED;

    /**
     * The one rule, for an order and for a row read from the database: no deadline or work done is NONE,
     * waiting on the customer PAUSED, past the deadline BREACHED, 80% of the (pause-free) time AT_RISK.
     */
    public static SlaStatus of(WorkOrderState state, Instant dispatchedAt, Instant slaDueAt, Instant pausedSince,
                               long pausedSeconds, Instant now) {
        if (slaDueAt == null || dispatchedAt == null || state == WorkOrderState.RESOLVED || state.isTerminal()) {
            return NONE;
        }
        if (pausedSince != null) {
            return PAUSED;
        }
        if (now.isAfter(slaDueAt)) {
            return BREACHED;
        }
        long window = slaDueAt.getEpochSecond() - dispatchedAt.getEpochSecond() - pausedSeconds;
        long used = now.getEpochSecond() - dispatchedAt.getEpochSecond() - pausedSeconds;
        return used * 5 >= window * 4 ? AT_RISK : ON_TRACK;
    }

    /** Whole minutes until the deadline (negative once past it); null where no clock runs (none, paused). */
    public static Long minutesLeft(SlaStatus status, Instant slaDueAt, Instant now) {
        if (slaDueAt == null || status == NONE || status == PAUSED) {
            return null;
        }
        return java.time.Duration.between(now, slaDueAt).toMinutes();
    }
}
