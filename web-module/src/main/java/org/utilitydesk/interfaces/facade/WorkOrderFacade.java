package org.utilitydesk.interfaces.facade;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.utilitydesk.application.CrewWork;
import org.utilitydesk.application.CustomerService;
import org.utilitydesk.application.IncidentService;
import org.utilitydesk.application.WorkOrderBoard;
import org.utilitydesk.application.WorkOrderService;
import org.utilitydesk.domain.model.customer.Account;
import org.utilitydesk.domain.model.customer.PersonalData;
import org.utilitydesk.domain.model.workorder.Channel;
import org.utilitydesk.domain.model.workorder.Incident;
import org.utilitydesk.domain.model.workorder.WorkOrder;
import org.utilitydesk.domain.model.workorder.WorkOrderPhoto;
import org.utilitydesk.domain.model.workorder.WorkOrderRequest;
import org.utilitydesk.domain.model.workorder.WorkOrderState;

/** Opens, shows and moves work orders and incidents for the API and the desk. */
@Stateless
public class WorkOrderFacade {

    @Inject
    private WorkOrderService orders;

    @Inject
    private CustomerService customers;

    @Inject
    private IncidentService incidents;

    @Inject
    private CrewWork crews;

    @Inject
    private Clock clock;

    @Inject
    private WorkOrderBoard board;

    /** Opens an order for the account named in the request, if any; throws for an unknown account. */
    public WorkOrderView open(NewWorkOrder request, Channel channel, String actor) {
        return view(orders.open(requests(List.of(request), channel).get(0), actor));
    }

    /**
     * Opens all the orders or none: one unknown account refuses the whole batch (the exception names the first).
     * The accounts are looked up together and the orders stored in one transaction.
     */
    public List<OpenedOrder> openAll(List<NewWorkOrder> requests, Channel channel, String actor) {
        List<WorkOrder> opened = orders.openAll(requests(requests, channel), actor);
        List<OpenedOrder> result = new ArrayList<>(opened.size());
        for (int i = 0; i < opened.size(); i++) {
            WorkOrder o = opened.get(i);
            result.add(new OpenedOrder(requests.get(i).requestKey(), o.getOrderNo(), o.getState().name(), o.getCreatedAt()));
        }
        return result;
    }

    /** One order of a batch as the API answers: what the channel needs to follow it, not the whole order. */
    public record OpenedOrder(String requestKey, String orderNo, String state, Instant createdAt) {
    }

    /** The requests with their accounts, looked up together; throws for the first unknown account. */
    private List<WorkOrderRequest> requests(List<NewWorkOrder> requests, Channel channel) {
        Map<String, Account> accounts = customers.findAccounts(
                requests.stream().map(NewWorkOrder::accountNumber).filter(Objects::nonNull).toList());
        List<WorkOrderRequest> result = new ArrayList<>(requests.size());
        for (NewWorkOrder request : requests) {
            Account account = null;
            if (request.accountNumber() != null) {
                account = accounts.get(request.accountNumber());
                if (account == null) {
                    throw new UnknownAccountException(request.accountNumber());
                }
            }
            result.add(request(request, account, channel));
        }
        return result;
    }

    private static WorkOrderRequest request(NewWorkOrder request, Account account, Channel channel) {
        return new WorkOrderRequest(request.requestKey(), request.type(), request.priority(), channel,
                account == null ? null : account.getCustomer().getId(), account == null ? null : account.getId(),
                account == null ? null : account.getServiceArea().getId(), request.subject(), request.description(),
                account == null ? null : account.getSupplyAddress(), request.contactPhone());
    }


    public Optional<WorkOrderView> find(String orderNo) {
        return orders.findByOrderNo(orderNo).map(this::view);
    }

    /** The order for the desk's order page, with whom it is for; empty if there is no such order. */
    public Optional<WorkOrderDetail> detail(String orderNo) {
        return orders.findByOrderNo(orderNo).map(o -> new WorkOrderDetail(view(o),
                customers.party(o.getCustomerId(), o.getAccountId()).orElse(null), PersonalData.maskAddress(o.getAddress()),
                PersonalData.maskPhone(o.getContactPhone()), o.getDescription(), board.departmentName(o.getAssignedDepartmentId()).orElse(null),
                o.getDispatchedAt(), o.getResolvedAt(), o.getClosedAt()));
    }

    /** Does a lifecycle action; empty if there is no such order. */
    public Optional<WorkOrderView> act(String orderNo, WorkOrderService.Action action, String note, String actor, Channel via) {
        return orders.act(orderNo, action, note, actor, via).map(this::view);
    }

    public Optional<IncidentView> incident(String incidentNo) {
        return incidents.find(incidentNo).map(this::view);
    }

    public Optional<IncidentView> resolveIncident(String incidentNo, String note, String actor) {
        return incidents.resolve(incidentNo, note, actor).map(this::view);
    }

    private IncidentView view(Incident i) {
        return new IncidentView(i.getIncidentNo(), i.getState(), i.getSummary(), i.getServiceAreaId(), i.getOpenedAt(),
                i.getResolvedAt(), incidents.reports(i.getId()).stream()
                        .map(o -> new IncidentView.Report(o.getOrderNo(), o.getState().name(), o.getCreatedAt())).toList());
    }

    /** One photo of the order, for the staff who may see any order; empty if either does not exist. */
    public Optional<CrewWork.StoredPhoto> photo(String orderNo, long photoId) {
        return orders.findByOrderNo(orderNo).flatMap(o -> crews.photo(o, photoId));
    }

    /** The order as the API and the pages show it. */
    public WorkOrderView view(WorkOrder o) {
        String incidentNo = o.getIncidentId() == null ? null : incidents.numberOf(o.getIncidentId());
        // a new order cannot have photos yet (they come once it is dispatched): no read on the create path
        List<WorkOrderPhoto> photos = o.getState() == WorkOrderState.NEW ? List.of() : crews.photos(o);
        return new WorkOrderView(o.getOrderNo(), o.getType().name(), o.getPriority().name(), o.getState().name(),
                o.getChannel().name(), o.getSubject(), o.getAssignedDepartmentId(), o.getCreatedAt(), o.getSlaDueAt(),
                o.slaStatus(clock.instant()).name(), o.getEscalationLevel(), incidentNo, crews.acceptedBy(o),
                photos.stream().map(WorkOrderView.Photo::of).toList(),
                o.getEvents().stream().map(e -> new WorkOrderView.Event(e.getEventType(),
                        e.getFromState() == null ? null : e.getFromState().name(), e.getToState() == null ? null : e.getToState().name(),
                        e.getActor(), e.getChannel().name(), e.getNote(), e.getOccurredAt())).toList());
    }

    /** The request names an account that does not exist; a refusal, not a failure. */
    @jakarta.ejb.ApplicationException(rollback = true)
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
