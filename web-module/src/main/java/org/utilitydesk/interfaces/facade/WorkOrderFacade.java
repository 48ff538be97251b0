package org.utilitydesk.interfaces.facade;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;
import org.utilitydesk.application.CustomerService;
import org.utilitydesk.application.WorkOrderService;
import org.utilitydesk.domain.model.customer.Account;
import org.utilitydesk.domain.model.workorder.Channel;
import org.utilitydesk.domain.model.workorder.WorkOrder;
import org.utilitydesk.domain.model.workorder.WorkOrderRequest;

/** Opens and shows work orders for the API and the desk. */
@Stateless
public class WorkOrderFacade {

    @Inject
    private WorkOrderService orders;

    @Inject
    private CustomerService customers;

    /** Opens an order for the account named in the request, if any; throws for an unknown account. */
    public WorkOrderView open(NewWorkOrder request, Channel channel, String actor) {
        Account account = null;
        if (request.accountNumber() != null) {
            account = customers.findAccount(request.accountNumber())
                    .orElseThrow(() -> new UnknownAccountException(request.accountNumber()));
        }
        WorkOrder order = orders.open(new WorkOrderRequest(request.requestKey(), request.type(), request.priority(), channel,
                account == null ? null : account.getCustomer().getId(), account == null ? null : account.getId(),
                account == null ? null : account.getServiceArea().getId(), request.subject(), request.description(),
                account == null ? null : account.getSupplyAddress(), request.contactPhone()), actor);
        return view(order);
    }

    public Optional<WorkOrderView> find(String orderNo) {
        return orders.findByOrderNo(orderNo).map(WorkOrderFacade::view);
    }

    private static WorkOrderView view(WorkOrder o) {
        return new WorkOrderView(o.getOrderNo(), o.getType().name(), o.getPriority().name(), o.getState().name(),
                o.getChannel().name(), o.getSubject(), o.getAssignedDepartmentId(), o.getCreatedAt(), o.getSlaDueAt(),
                o.getEvents().stream().map(e -> new WorkOrderView.Event(e.getEventType(),
                        e.getFromState() == null ? null : e.getFromState().name(), e.getToState() == null ? null : e.getToState().name(),
                        e.getActor(), e.getChannel().name(), e.getNote(), e.getOccurredAt())).toList());
    }

    /** The request names an account that does not exist. */
    public static class UnknownAccountException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String accountNumber;

        public UnknownAccountException(String accountNumber) {
            super("no account " + accountNumber);
            this.accountNumber = accountNumber;
        }

        public String getAccountNumber() {
            return accountNumber;
        }
    }
}
