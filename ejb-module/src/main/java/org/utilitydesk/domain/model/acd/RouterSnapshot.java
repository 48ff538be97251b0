package org.utilitydesk.domain.model.acd;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The routing state at one moment, for the wallboard: lines by skill and agents by state. */
public record RouterSnapshot(Instant at, Map<String, Line> lines, Map<AgentState, Integer> agentsByState, List<AgentStatus> agents) {

    /** One skill's line: callers on hold, callers waiting for a call back, and the oldest one's wait. */
    public record Line(String skill, int waiting, int callbacks, long longestWaitSeconds) {
    }

    public RouterSnapshot {
        lines = Map.copyOf(lines);
        agentsByState = Map.copyOf(agentsByState);
        agents = List.copyOf(agents);
    }
}
