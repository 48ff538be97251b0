package org.utilitydesk.domain.model.acd;

import java.time.Instant;

/** An agent entered a state at a time (with a reason for NOT_READY); what the state log records. */
public record AgentChange(long agentId, AgentState state, String reason, Instant at) {
}
