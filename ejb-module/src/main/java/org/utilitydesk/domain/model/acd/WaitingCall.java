package org.utilitydesk.domain.model.acd;

import java.time.Instant;

/**
 * A call waiting for an agent with {@code skill}. Higher {@code priority} goes first (VIP, complaint,
 * repeat caller); among equals the call that joined the line earlier. {@code callback} marks a caller who
 * chose to be called back: they keep their place but no one is on the line.
 */
public record WaitingCall(long callId, String skill, int priority, Instant queuedAt, Relaxation relaxation, boolean callback) {

    public WaitingCall {
        if (skill == null || skill.isBlank()) {
            throw new IllegalArgumentException("a waiting call needs a skill");
        }
        relaxation = relaxation == null ? Relaxation.NONE : relaxation;
    }

    public WaitingCall asCallback() {
        return new WaitingCall(callId, skill, priority, queuedAt, relaxation, true);
    }
}
