package org.utilitydesk.application.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.utilitydesk.application.ApplicationEvents;
import org.utilitydesk.domain.model.workorder.WorkOrder;
import org.utilitydesk.domain.model.workorder.WorkOrderState;

/**
 * Work orders stored but never routed: the commit reached the database while its answer, and with it the routing
 * message, was lost (a connection broken during the commit; the broker message rolled back). Such an order stays
 * NEW with nothing at the broker that would route it; it is announced again. Orders whose message still waits or
 * lies in the dead-letter queue are left alone: the queue or a supervisor's retry handles them.
 */
@Stateless
public class UnroutedOrders {

    private static final Logger LOG = Logger.getLogger(UnroutedOrders.class.getName());
    static final int BATCH = 100;

    @PersistenceContext(unitName = "utilitydesk")
    private EntityManager em;

    @Inject
    private ApplicationEvents events;

    /**
     * Up to {@value #BATCH} ids, in order, of orders still NEW that were opened before {@code openedBefore}, after
     * {@code afterId}: a round pages through all of them, so orders left NEW on purpose (dead-lettered) never hide
     * the ones behind them.
     */
    public List<Long> stillNew(Instant openedBefore, long afterId) {
        return em.createQuery("SELECT w.id FROM WorkOrder w WHERE w.state = :state AND w.createdAt < :before"
                        + " AND w.id > :after ORDER BY w.id", Long.class)
                .setParameter("state", WorkOrderState.NEW)
                .setParameter("before", openedBefore)
                .setParameter("after", afterId)
                .setMaxResults(BATCH)
                .getResultList();
    }

    /** Announces the order again if it is still NEW and the broker holds nothing for it; true if it did. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean reannounceIfLost(long workOrderId) {
        WorkOrder order = em.find(WorkOrder.class, workOrderId);
        if (order == null || order.getState() != WorkOrderState.NEW || events.workOrderAnnouncementPending(workOrderId)) {
            return false;
        }
        events.workOrderOpened(order);
        LOG.warning(() -> order.getOrderNo() + " was stored but never routed (opened " + order.getCreatedAt()
                + ", nothing for it at the broker): announced to routing again");
        return true;
    }
}
