package org.utilitydesk.application;

import java.util.List;

/** Routes newly opened work orders to a department or crew and sets their SLA deadlines. */
public interface WorkOrderRouting {

    /**
     * Routes the orders named in a message, all or none, in a transaction of its own. Handling the same message
     * id again has no further effect; an order already routed is left as it is.
     *
     * @return false when the message had been handled before
     */
    boolean route(String messageId, List<Long> workOrderIds);
}
