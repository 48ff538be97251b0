package org.utilitydesk.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import org.utilitydesk.application.ApplicationEvents;
import org.utilitydesk.application.RequestKeyReusedException;
import org.utilitydesk.application.WorkOrderService;
import org.utilitydesk.domain.model.workorder.Channel;
import org.utilitydesk.domain.model.workorder.Priority;
import org.utilitydesk.domain.model.workorder.WorkOrder;
import org.utilitydesk.domain.model.workorder.WorkOrderRepository;
import org.utilitydesk.domain.model.workorder.WorkOrderRequest;
import org.utilitydesk.domain.model.workorder.WorkOrderState;

/**
 * Opens work orders and hands them to routing through the broker, in one transaction; moves them through
 * their lifecycle, telling the customer and supervisors through the notification outbox.
 */
@Stateless
public class DefaultWorkOrderService implements WorkOrderService {

    private static final Logger LOG = Logger.getLogger(DefaultWorkOrderService.class.getName());

    private WorkOrderRepository orders;
    private ApplicationEvents events;
    private Clock clock;
    private Notifications notifications;

    protected DefaultWorkOrderService() {
    }

    @Inject
    public DefaultWorkOrderService(WorkOrderRepository orders, ApplicationEvents events, Clock clock,
                                   Notifications notifications) {
        this.orders = orders;
        this.events = events;
        this.clock = clock;
        this.notifications = notifications;
    }

    @Override
    public WorkOrder open(WorkOrderRequest request, String actor) {
        return openAll(List.of(request), actor).get(0);
    }

    @Override
    public List<WorkOrder> openAll(List<WorkOrderRequest> requests, String actor) {
        Map<String, WorkOrder> byKey = new HashMap<>();
        List<WorkOrder> toAnnounce = new ArrayList<>(requests.size());
        List<String> keys = requests.stream().map(WorkOrderRequest::requestKey).filter(Objects::nonNull).distinct().toList();
        for (WorkOrder earlier : orders.findByRequestKeys(keys)) {
            byKey.put(earlier.getRequestKey(), earlier);
            LOG.info(() -> "request " + earlier.getRequestKey() + " was already made: " + earlier.getOrderNo());
            if (earlier.getState() == WorkOrderState.NEW) {
                // the first answer may have been lost with the database's commit reply, and its routing
                // message rolled back with it: announce it again (routing ignores an order already routed)
                toAnnounce.add(earlier);
            }
        }
        Instant now = clock.instant();
        List<WorkOrder> opened = new ArrayList<>(requests.size());
        for (WorkOrderRequest request : requests) {
            WorkOrder order = request.requestKey() == null ? null : byKey.get(request.requestKey());
            if (order != null && !asks(order, request)) {
                throw new RequestKeyReusedException(request.requestKey());
            }
            if (order == null) {
                order = orders.add(new WorkOrder(request, actor, now));
                toAnnounce.add(order);
                if (request.requestKey() != null) {
                    byKey.put(request.requestKey(), order);
                }
                WorkOrder added = order;
                LOG.fine(() -> "opened " + added.getOrderNo() + " (" + added.getType() + ") via " + added.getChannel());
            }
            opened.add(order);
        }
        if (!toAnnounce.isEmpty()) {
            events.workOrdersOpened(toAnnounce);
        }
        return opened;
    }

    /** Whether the order was opened by this very request: a retry, not a new request under a used key. */
    private static boolean asks(WorkOrder earlier, WorkOrderRequest request) {
        return earlier.getType() == request.type()
                && earlier.getPriority() == (request.priority() == null ? Priority.NORMAL : request.priority())
                && earlier.getChannel() == request.channel()
                && Objects.equals(earlier.getCustomerId(), request.customerId())
                && Objects.equals(earlier.getAccountId(), request.accountId())
                && Objects.equals(earlier.getServiceAreaId(), request.serviceAreaId())
                && Objects.equals(earlier.getSubject(), request.subject())
                && Objects.equals(earlier.getDescription(), request.description())
                && Objects.equals(earlier.getAddress(), request.address())
                && Objects.equals(earlier.getContactPhone(), request.contactPhone());
    }

    @Override
    public Optional<WorkOrder> findByOrderNo(String orderNo) {
        return orders.findByOrderNo(orderNo);
    }

    @Override
    public Optional<String> phoneReference(String orderNo) {
        return orders.findByOrderNo(orderNo).map(orders::phoneReference);
    }

    @Override
    public Optional<WorkOrder> findForCaller(String phoneReference, String callerNumber, Long callerCustomerId) {
        if (phoneReference == null || !phoneReference.matches("\\d{6}")) {
            return Optional.empty();
        }
        return orders.findOpenByPhoneReference(phoneReference).filter(o -> DefaultSmsQueries.sameNumber(o.getContactPhone(),
                callerNumber == null ? "" : callerNumber) || callerCustomerId != null && callerCustomerId.equals(o.getCustomerId()));
    }

    @Override
    public Optional<WorkOrder> act(String orderNo, Action action, String note, String actor, Channel via) {
        Optional<WorkOrder> found = orders.findByOrderNo(orderNo);
        found.ifPresent(order -> {
            Instant now = clock.instant();
            switch (action) {
                case START -> order.start(actor, via, note, now);
                case RESOLVE -> {
                    order.resolve(actor, via, note, now);
                    notifications.workOrderResolved(order);
                }
                case CLOSE -> order.close(actor, via, note, now);
                case REOPEN -> order.reopen(actor, via, note, now);
                case CANCEL -> order.cancel(actor, via, note, now);
                case ESCALATE -> {
                    order.escalate(actor, via, note, now);
                    notifications.toSupervisor("escalated:" + order.getOrderNo() + ":" + order.getEscalationLevel(),
                            "WORK_ORDER_ESCALATED",
                            Map.of("orderNo", order.getOrderNo(), "by", actor, "reason", String.valueOf(note)));
                }
                case NOTE -> order.note(actor, via, note, now);
                case AWAIT_CUSTOMER -> order.awaitCustomer(actor, via, note, now);
                case CUSTOMER_RESPONDED -> order.customerResponded(actor, via, note, now);
            }
            LOG.info(() -> orderNo + ": " + action + " by " + actor + " via " + via + " -> " + order.getState());
        });
        return found;
    }
}
