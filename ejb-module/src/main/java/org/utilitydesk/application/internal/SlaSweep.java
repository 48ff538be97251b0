package org.utilitydesk.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.utilitydesk.domain.model.workorder.WorkOrder;

/** One pass of the SLA watch over the orders that may need a warning or an escalation, in one transaction. */
@Stateless
public class SlaSweep {

    private static final int BATCH = 500;

    @PersistenceContext(unitName = "utilitydesk")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private Notifications notifications;

    public record Result(int warned, int escalated) {
    }

    public Result run() {
        Instant now = clock.instant();
        List<WorkOrder> candidates = em.createQuery("SELECT w FROM WorkOrder w WHERE w.slaDueAt IS NOT NULL"
                        + " AND w.slaPausedSince IS NULL"
                        + " AND w.state IN (org.utilitydesk.domain.model.workorder.WorkOrderState.DISPATCHED,"
                        + " org.utilitydesk.domain.model.workorder.WorkOrderState.IN_PROGRESS)"
                        + " AND (w.slaWarnedAt IS NULL OR (w.slaDueAt < :now AND w.slaEscalatedAt IS NULL))"
                        + " ORDER BY w.slaDueAt", WorkOrder.class)
                .setParameter("now", now)
                .setMaxResults(BATCH)
                .getResultList();
        int warned = 0;
        int escalated = 0;
        for (WorkOrder order : candidates) {
            // one warning and one breach notice per deadline: the response's, then the fix's
            String deadline = order.getOrderNo() + ":" + order.getSlaDueAt().getEpochSecond();
            Map<String, String> about = Map.of("orderNo", order.getOrderNo(), "due", String.valueOf(order.getSlaDueAt()));
            if (order.warnIfAtRisk(now)) {
                warned++;
                notifications.enqueue("sla-warning:" + deadline, Notifications.Channel.SMS, departmentPhone(order),
                        "WORK_ORDER_SLA_WARNING", about);
            }
            if (order.escalateIfBreached(now)) {
                escalated++;
                notifications.toSupervisor("sla-breach:" + deadline, "WORK_ORDER_SLA_BREACHED", about);
            }
        }
        return new Result(warned, escalated);
    }

    private String departmentPhone(WorkOrder order) {
        if (order.getAssignedDepartmentId() == null) {
            return null;
        }
        List<?> phone = em.createNativeQuery("SELECT phone FROM department WHERE id = ?")
                .setParameter(1, order.getAssignedDepartmentId()).getResultList();
        return phone.isEmpty() ? null : (String) phone.get(0);
    }
}
