package org.utilitydesk.domain.model.workorder;

import jakarta.ejb.ApplicationException;

/**
 * A work order was asked to move to a state its lifecycle does not allow from where it is.
 * A refusal by the rules: it reaches every caller as it is (not wrapped, not logged as a failure by the
 * container) and rolls the transaction back, so nothing of the refused action is kept.
 */
@ApplicationException(rollback = true)
public class IllegalTransitionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;
    private final WorkOrderState from;
    private final WorkOrderState to;
    private final String action;

    public IllegalTransitionException(String orderNo, WorkOrderState from, WorkOrderState to) {
        super("work order " + orderNo + " cannot go from " + from + " to " + to);
        this.from = from;
        this.to = to;
        this.action = to.name();
    }

    /** An action that is not a move to another state (escalate, pause the SLA) is not allowed now. */
    public IllegalTransitionException(String orderNo, WorkOrderState from, String action) {
        super("work order " + orderNo + " in state " + from + " does not allow " + action);
        this.from = from;
        this.to = null;
        this.action = action;
    }

    public WorkOrderState getFrom() {
        return from;
    }

    /** The state asked for, or null when the refused action was not a move (see {@link #getAction()}). */
    public WorkOrderState getTo() {
        return to;
    }

    public String getAction() {
        return action;
    }
}
