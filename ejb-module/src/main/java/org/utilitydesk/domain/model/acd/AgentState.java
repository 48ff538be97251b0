package org.utilitydesk.domain.model.acd;

/** Where an agent is in their working day; every change is timestamped (agent_state_log). */
public enum AgentState {
    LOGGED_OUT,
    READY,
    /** Logged in but taking no calls, with a reason (break, training, RONA after a missed call, ...). */
    NOT_READY,
    /** A call has been offered: the agent's phone is ringing. */
    RESERVED,
    ON_CALL,
    /** After-call work; ends when the agent finishes it or when the queue's wrap-up time is over. */
    WRAP_UP;

    /** True while the agent holds a call (ringing, talking): they cannot log out or take another. */
    public boolean holdsCall() {
        return this == RESERVED || this == ON_CALL;
    }
}
