package org.utilitydesk.domain.model.acd;

import jakarta.ejb.ApplicationException;

/**
 * An agent asked for a state change their present state does not allow (logging out while on a call,
 * finishing wrap-up when not in wrap-up). {@code code} names the message shown to the agent.
 */
@ApplicationException
public class AgentStateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;

    public AgentStateException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
