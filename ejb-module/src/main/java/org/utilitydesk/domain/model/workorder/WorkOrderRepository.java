package org.utilitydesk.domain.model.workorder;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stores and finds work orders. */
public interface WorkOrderRepository {

    /** Stores a new order and gives it its number and its phone reference. */
    WorkOrder add(WorkOrder order);

    /**
     * The order's phone reference: six digits a caller hears and keys in, unique among open orders. Given now if
     * the order has none (orders from before references existed, or loaded by other means).
     */
    String phoneReference(WorkOrder order);

    /** The phone references these orders hold, by order id, in one query (an order without one is left out). */
    Map<Long, String> phoneReferences(Collection<Long> orderIds);

    /** The open order (not closed or cancelled) holding this phone reference. */
    Optional<WorkOrder> findOpenByPhoneReference(String reference);

    Optional<WorkOrder> find(long id);

    /** The orders with these ids that exist, in one query. */
    List<WorkOrder> findAll(Collection<Long> ids);

    Optional<WorkOrder> findByOrderNo(String orderNo);

    Optional<WorkOrder> findByRequestKey(String requestKey);

    /** The orders made with any of these request keys, in one query. */
    List<WorkOrder> findByRequestKeys(Collection<String> requestKeys);
}
