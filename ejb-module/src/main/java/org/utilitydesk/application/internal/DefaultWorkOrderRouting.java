package org.utilitydesk.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.utilitydesk.application.WorkOrderRouting;
import org.utilitydesk.domain.model.workorder.WorkOrder;
import org.utilitydesk.domain.model.workorder.WorkOrderRepository;
import org.utilitydesk.domain.model.workorder.WorkOrderState;
import org.utilitydesk.infrastructure.messaging.MessageLedger;

/**
 * Routes new work orders by the routing and SLA rules held as data: the most specific routing rule for
 * the order's type and service area wins, and the SLA deadline comes from the rule for its type,
 * priority and area type. Idempotent through the message ledger and the order's own state.
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
        order.dispatch(((Number) department[0]).longValue(), (String) department[1], now.plus(slaFor(order)), "router", now);
        LOG.fine(() -> order.getOrderNo() + " dispatched to " + department[1]);
        return true;
    }

    private Object[] department(WorkOrder order) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT d.id, d.name FROM routing_rule r JOIN department d ON d.id = r.department_id"
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

    private Duration slaFor(WorkOrder order) {
        @SuppressWarnings("unchecked")
        List<Number> minutes = em.createNativeQuery(
                "SELECT s.respond_minutes FROM sla_rule s LEFT JOIN service_area a ON a.id = ?"
                        + " WHERE s.order_type = ? AND s.priority = ? AND (s.area_type = a.area_type OR s.area_type IS NULL)"
                        + " ORDER BY s.area_type IS NULL LIMIT 1")
                .setParameter(1, order.getServiceAreaId())
                .setParameter(2, order.getType().name())
                .setParameter(3, order.getPriority().name())
                .getResultList();
        return minutes.isEmpty() ? DEFAULT_SLA : Duration.ofMinutes(minutes.get(0).longValue());
    }
}
