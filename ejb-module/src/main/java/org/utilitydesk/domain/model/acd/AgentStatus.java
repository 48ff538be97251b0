package org.utilitydesk.domain.model.acd;

import java.time.Instant;

/** An agent as routing sees them now: state since when, the reason if not ready, the call they hold. */
public record AgentStatus(AgentProfile profile, AgentState state, String reason, Instant since, Long callId,
                          String pendingReason, Instant wrapUpUntil) {
}
