package org.utilitydesk.domain.model.workorder;

import java.util.Optional;

/** Stores and finds work orders. */
public interface WorkOrderRepository {

    /** Stores a new order and gives it its number. */
    WorkOrder add(WorkOrder order);

    Optional<WorkOrder> find(long id);

    Optional<WorkOrder> findByOrderNo(String orderNo);

    Optional<WorkOrder> findByRequestKey(String requestKey);
}
