package org.utilitydesk.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    @Override
    public boolean route(String messageId, long workOrderId) {
        if (!ledger.firstTime(CONSUMER, messageId)) {
            LOG.info(() -> "message " + messageId + " for work order " + workOrderId + " was handled before; ignored");
            return false;
        }
        WorkOrder order = orders.find(workOrderId).orElseThrow(
                () -> new IllegalStateException("work order " + workOrderId + " does not exist"));
        if (order.getState() != WorkOrderState.NEW) {
            LOG.info(() -> order.getOrderNo() + " is already " + order.getState() + "; nothing to route");
            return true;
        }
        Object[] department = department(order);
        Instant now = clock.instant();
        long departmentId = ((Number) department[0]).longValue();
        SlaDeadlines deadlines = slaDeadlines(order, now);
        order.dispatch(departmentId, (String) department[1], deadlines.respond(), deadlines.resolve(), "router", now);
        notifications.enqueue("accepted:" + order.getOrderNo(), Notifications.Channel.SMS, order.getContactPhone(),
                "WORK_ORDER_ACCEPTED", Map.of("orderNo", order.getOrderNo(), "subject", order.getSubject()));
        notifications.enqueue("assigned:" + order.getOrderNo() + ":" + departmentId, Notifications.Channel.SMS,
                (String) department[2], "WORK_ORDER_ASSIGNED", Map.of("orderNo", order.getOrderNo(),
                        "subject", order.getSubject(), "address", String.valueOf(order.getAddress()),
                        "due", String.valueOf(order.getSlaDueAt())));
        if (order.getType() == WorkOrderType.FAULT_REPAIR && order.getServiceAreaId() != null) {
            incidents.fold(order, now);
        }
        LOG.fine(() -> order.getOrderNo() + " dispatched to " + department[1]);
        return true;
    }

    private Object[] department(WorkOrder order) {
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
        return rows.get(0);
    }

    /** When the order must be responded to (a crew on site, a complaint answered) and resolved; resolve null: no rule. */
    private record SlaDeadlines(Instant respond, Instant resolve) {
    }

    /** The SLA rule's deadlines for the order's type, priority and area type, on its calendar (round the clock or office hours). */
    private SlaDeadlines slaDeadlines(WorkOrder order, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rules = em.createNativeQuery(
                "SELECT s.respond_minutes, s.calendar, s.resolve_minutes FROM sla_rule s LEFT JOIN service_area a ON a.id = ?"
                        + " WHERE s.order_type = ? AND s.priority = ? AND (s.area_type = a.area_type OR s.area_type IS NULL)"
                        + " ORDER BY s.area_type IS NULL LIMIT 1")
                .setParameter(1, order.getServiceAreaId())
                .setParameter(2, order.getType().name())
                .setParameter(3, order.getPriority().name())
                .getResultList();
        if (rules.isEmpty()) {
            return new SlaDeadlines(now.plus(DEFAULT_SLA), null);
        }
        BusinessCalendar.Kind kind = BusinessCalendar.Kind.valueOf((String) rules.get(0)[1]);
        BusinessCalendar calendar = new BusinessCalendar(kind, kind == BusinessCalendar.Kind.BUSINESS_HOURS ? holidays() : Set.of());
        return new SlaDeadlines(calendar.plus(now, ((Number) rules.get(0)[0]).longValue()),
                calendar.plus(now, ((Number) rules.get(0)[2]).longValue()));
    }

    private Set<LocalDate> holidays() {
        @SuppressWarnings("unchecked")
        List<Object> days = em.createNativeQuery("SELECT day FROM business_holiday").getResultList();
        return days.stream().map(SqlValues::date)
                .collect(Collectors.toSet());
    }
}
