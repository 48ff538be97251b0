package org.utilitydesk.domain.model.workorder;

/** Where an open work order stands against its SLA deadline. */
public enum SlaStatus {
    /** No deadline applies (not dispatched yet, resolved, closed or cancelled). */
    NONE,
    /** Waiting on the customer: the clock stands still. */
    PAUSED,
    ON_TRACK,
    /** 80% or more of the time has passed. */
    AT_RISK,
    BREACHED
}
