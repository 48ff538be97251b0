package org.utilitydesk.application;

import java.util.Optional;
import org.utilitydesk.domain.model.workorder.WorkOrder;
import org.utilitydesk.domain.model.workorder.WorkOrderRequest;

/** Opening and finding work orders; the one way every channel creates them. */
public interface WorkOrderService {

    /**
     * Opens a work order and announces it for routing in the same transaction: if the transaction rolls
     * back, neither the order nor the message exists. A request key seen before returns the earlier order.
     */
    WorkOrder open(WorkOrderRequest request, String actor);

    Optional<WorkOrder> findByOrderNo(String orderNo);
}
