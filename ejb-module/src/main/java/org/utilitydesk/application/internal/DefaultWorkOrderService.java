package org.utilitydesk.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.utilitydesk.application.ApplicationEvents;
import org.utilitydesk.application.WorkOrderService;
import org.utilitydesk.domain.model.workorder.WorkOrder;
import org.utilitydesk.domain.model.workorder.WorkOrderRepository;
import org.utilitydesk.domain.model.workorder.WorkOrderRequest;

/** Opens work orders and hands them to routing through the broker, in one transaction. */
@Stateless
public class DefaultWorkOrderService implements WorkOrderService {

    private static final Logger LOG = Logger.getLogger(DefaultWorkOrderService.class.getName());

    private WorkOrderRepository orders;
    private ApplicationEvents events;
    private Clock clock;

    protected DefaultWorkOrderService() {
    }

    @Inject
    public DefaultWorkOrderService(WorkOrderRepository orders, ApplicationEvents events, Clock clock) {
        this.orders = orders;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public WorkOrder open(WorkOrderRequest request, String actor) {
        if (request.requestKey() != null) {
            Optional<WorkOrder> earlier = orders.findByRequestKey(request.requestKey());
            if (earlier.isPresent()) {
                LOG.info(() -> "request " + request.requestKey() + " was already made: " + earlier.get().getOrderNo());
                return earlier.get();
            }
        }
        WorkOrder order = orders.add(new WorkOrder(request, actor, clock.instant()));
        events.workOrderOpened(order);
        LOG.fine(() -> "opened " + order.getOrderNo() + " (" + order.getType() + ") via " + order.getChannel());
        return order;
    }

    @Override
    public Optional<WorkOrder> findByOrderNo(String orderNo) {
        return orders.findByOrderNo(orderNo);
    }
}
