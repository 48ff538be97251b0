package org.utilitydesk.domain.model.acd;

import java.util.Map;

/**
 * What routing knows of an agent: their id, the extension their phone rings on and their skills with a
 * proficiency from 1 (novice) to 10 (expert), by skill code.
 */
public record AgentProfile(long agentId, String username, String extension, Map<String, Integer> skills) {

    public AgentProfile {
        skills = Map.copyOf(skills);
        skills.forEach((skill, level) -> {
            if (level < 1 || level > 10) {
                throw new IllegalArgumentException("proficiency of " + skill + " must be 1-10, not " + level);
            }
        });
    }

    /** The agent's proficiency in a skill, 0 when they lack it. */
    public int proficiency(String skill) {
        return skills.getOrDefault(skill, 0);
    }
}
