package org.utilitydesk.domain.model.workorder;

/** A work order was asked to move to a state its lifecycle does not allow from where it is. */
public class IllegalTransitionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;
    private final WorkOrderState from;
    private final WorkOrderState to;

    public IllegalTransitionException(String orderNo, WorkOrderState from, WorkOrderState to) {
        super("work order " + orderNo + " cannot go from " + from + " to " + to);
        this.from = from;
        this.to = to;
    }

    public WorkOrderState getFrom() {
        return from;
    }

    public WorkOrderState getTo() {
        return to;
    }
}
