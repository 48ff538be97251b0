package org.utilitydesk.application.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.logging.Logger;
import org.utilitydesk.application.WorkOrderRouting;
import org.utilitydesk.domain.model.workorder.BusinessCalendar;
import org.utilitydesk.domain.model.workorder.WorkOrder;
import org.utilitydesk.domain.model.workorder.WorkOrderRepository;
import org.utilitydesk.domain.model.workorder.WorkOrderState;
import org.utilitydesk.domain.model.workorder.WorkOrderType;
import org.utilitydesk.infrastructure.messaging.MessageLedger;

/**
 * Routes new work orders by the routing and SLA rules held as data: the most specific routing rule for
 * the order's type and service area wins, and the SLA deadline comes from the rule for its type,
 * priority and area type, counted on the rule's calendar. The customer and the assignee are notified
 * through the outbox, and fault reports fold into incidents. Idempotent through the message ledger and
 * the order's own state.
 */
@Stateless
public class DefaultWorkOrderRouting implements WorkOrderRouting {

    private static final Logger LOG = Logger.getLogger(DefaultWorkOrderRouting.class.getName());
    static final String CONSUMER = "work-order-routing";
    private static final Duration DEFAULT_SLA = Duration.ofHours(24);

    @PersistenceContext(unitName = "utilitydesk")
    private EntityManager em;

    @Inject
    private WorkOrderRepository orders;

    @Inject
    private MessageLedger ledger;

    @Inject
    private Clock clock;

    @Inject
    private Notifications notifications;

    @Inject
    private IncidentFolding incidents;

    /**
     * In a transaction of its own, not the message's: when several orders arrive together and one of them cannot
     * be routed, the consumer can still take the message and hand the orders to routing one by one. The message
     * ledger keeps a redelivery after this commit (the broker not told in time) from routing twice.
     */
    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean route(String messageId, List<Long> workOrderIds) {
        if (!ledger.firstTime(CONSUMER, messageId)) {
            LOG.info(() -> "message " + messageId + " for work orders " + workOrderIds + " was handled before; ignored");
            return false;
        }
        Map<Long, WorkOrder> found = orders.findAll(workOrderIds).stream()
                .collect(Collectors.toMap(WorkOrder::getId, Function.identity()));
        // one query for the batch's phone references, which the customers' acceptance SMS name
        Map<Long, String> references = orders.phoneReferences(workOrderIds);
        Rules rules = new Rules();
        List<Notifications.Notice> notices = new ArrayList<>(2 * workOrderIds.size());
        Instant now = clock.instant();
        for (long id : workOrderIds) {
            WorkOrder order = found.get(id);
            if (order == null) {
                throw new IllegalStateException("work order " + id + " does not exist");
            }
            if (order.getState() != WorkOrderState.NEW) {
                LOG.info(() -> order.getOrderNo() + " is already " + order.getState() + "; nothing to route");
                continue;
            }
            dispatch(order, references.computeIfAbsent(id, missing -> orders.phoneReference(order)), rules, now, notices);
        }
        // written after every order, so the orders' own changes go to the database together at commit
        notifications.enqueueAll(notices);
        return true;
    }

    private void dispatch(WorkOrder order, String phoneReference, Rules rules, Instant now, List<Notifications.Notice> notices) {
        Assignee to = rules.assignee(order);
        SlaDeadlines deadlines = rules.deadlines(order, now);
        order.dispatch(to.departmentId(), to.name(), deadlines.respond(), deadlines.resolve(), "router", now);
        notices.add(new Notifications.Notice("accepted:" + order.getOrderNo(), Notifications.Channel.SMS, order.getContactPhone(),
                "WORK_ORDER_ACCEPTED", Map.of("orderNo", order.getOrderNo(), "subject", order.getSubject(),
                        "phoneRef", phoneReference)));
        notices.add(new Notifications.Notice("assigned:" + order.getOrderNo() + ":" + to.departmentId(), Notifications.Channel.SMS,
                to.phone(), "WORK_ORDER_ASSIGNED", Map.of("orderNo", order.getOrderNo(),
                        "subject", order.getSubject(), "address", String.valueOf(order.getAddress()),
                        "due", String.valueOf(order.getSlaDueAt()))));
        if (order.getType() == WorkOrderType.FAULT_REPAIR && order.getServiceAreaId() != null) {
            incidents.fold(order, now);
        }
        LOG.fine(() -> order.getOrderNo() + " dispatched to " + to.name());
    }

    /** The department or crew an order goes to, and the phone its duty person is told on. */
    private record Assignee(long departmentId, String name, String phone) {
    }

    /** The rules as read for one message: orders of the same type and area in it share one lookup. */
    private final class Rules {
        private final Map<List<Object>, Assignee> assignees = new HashMap<>();
        private final Map<List<Object>, Optional<Object[]>> slaRules = new HashMap<>();
        private Set<LocalDate> holidays;

        Assignee assignee(WorkOrder order) {
            return assignees.computeIfAbsent(Arrays.asList(order.getType(), order.getServiceAreaId()), k -> department(order));
        }

        SlaDeadlines deadlines(WorkOrder order, Instant now) {
            Optional<Object[]> rule = slaRules.computeIfAbsent(
                    Arrays.asList(order.getType(), order.getPriority(), order.getServiceAreaId()), k -> slaRule(order));
            if (rule.isEmpty()) {
                return new SlaDeadlines(now.plus(DEFAULT_SLA), null);
            }
            BusinessCalendar.Kind kind = BusinessCalendar.Kind.valueOf((String) rule.get()[1]);
            if (kind == BusinessCalendar.Kind.BUSINESS_HOURS && holidays == null) {
                holidays = holidays();
            }
            BusinessCalendar calendar = new BusinessCalendar(kind, kind == BusinessCalendar.Kind.BUSINESS_HOURS ? holidays : Set.of());
            return new SlaDeadlines(calendar.plus(now, ((Number) rule.get()[0]).longValue()),
                    calendar.plus(now, ((Number) rule.get()[2]).longValue()));
        }
    }

    private Assignee department(WorkOrder order) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT d.id, d.name, d.phone FROM routing_rule r JOIN department d ON d.id = r.department_id"
                        + " WHERE r.order_type = ? AND (r.service_area_id = ? OR r.service_area_id IS NULL)"
                        + " ORDER BY r.service_area_id IS NULL, r.rank_no LIMIT 1")
                .setParameter(1, order.getType().name())
                .setParameter(2, order.getServiceAreaId())
                .getResultList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("no routing rule for " + order.getType() + "; add one in routing_rule");
        }
        Object[] row = rows.get(0);
        return new Assignee(((Number) row[0]).longValue(), (String) row[1], (String) row[2]);
    }

    /** When the order must be responded to (a crew on site, a complaint answered) and resolved; resolve null: no rule. */
    private record SlaDeadlines(Instant respond, Instant resolve) {
    }

    /** The SLA rule (respond minutes, calendar, resolve minutes) for the order's type, priority and area type, if any. */
    private Optional<Object[]> slaRule(WorkOrder order) {
        @SuppressWarnings("unchecked")
        List<Object[]> rules = em.createNativeQuery(
                "SELECT s.respond_minutes, s.calendar, s.resolve_minutes FROM sla_rule s LEFT JOIN service_area a ON a.id = ?"
                        + " WHERE s.order_type = ? AND s.priority = ? AND (s.area_type = a.area_type OR s.area_type IS NULL)"
                        + " ORDER BY s.area_type IS NULL LIMIT 1")
                .setParameter(1, order.getServiceAreaId())
                .setParameter(2, order.getType().name())
                .setParameter(3, order.getPriority().name())
                .getResultList();
        return rules.stream().findFirst();
    }

    private Set<LocalDate> holidays() {
        @SuppressWarnings("unchecked")
        List<Object> days = em.createNativeQuery("SELECT day FROM business_holiday").getResultList();
        return days.stream().map(SqlValues::date)
                .collect(Collectors.toSet());
    }
}
