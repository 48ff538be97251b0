package org.utilitydesk.domain.model.acd;

import java.time.Instant;

/** The router's decision: this call rings this agent. */
public record Offer(WaitingCall call, AgentProfile agent, Instant at) {

    public long callId() {
        return call.callId();
    }

    public long agentId() {
        return agent.agentId();
    }
}
