package org.utilitydesk.application;

/** Routes a newly opened work order to a department or crew and sets its SLA deadline. */
public interface WorkOrderRouting {

    /**
     * Routes the order named in a message. Handling the same message id again has no further effect.
     *
     * @return false when the message had been handled before
     */
    boolean route(String messageId, long workOrderId);
}
