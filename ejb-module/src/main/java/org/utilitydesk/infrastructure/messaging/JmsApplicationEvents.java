package org.utilitydesk.infrastructure.messaging;

import static org.utilitydesk.infrastructure.JsonSupport.JSON;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.UUID;
import org.utilitydesk.application.ApplicationEvents;
import org.utilitydesk.domain.model.workorder.WorkOrder;

/**
 * Sends application events as small JSON text messages through the Artemis resource adapter. The
 * connection factory is transactional (XA), so a message is enlisted in the caller's JTA transaction and
 * reaches the broker only if that transaction commits.
 */
@ApplicationScoped
public class JmsApplicationEvents implements ApplicationEvents {

    @Resource(lookup = Destinations.CONNECTION_FACTORY)
    private ConnectionFactory connectionFactory;

    @Resource(lookup = Destinations.WORK_ORDER_EVENTS)
    private Queue workOrderEvents;

    @Override
    public void workOrderOpened(WorkOrder order) {
        announce(order.getId(), order.getOrderNo());
    }

    @Override
    public void workOrdersOpened(List<WorkOrder> orders) {
        if (orders.size() == 1) {
            workOrderOpened(orders.get(0));
        } else {
            for (int from = 0; from < orders.size(); from += EventMessage.MAX_ORDERS) {
                announce(orders.subList(from, Math.min(orders.size(), from + EventMessage.MAX_ORDERS)).stream()
                        .map(WorkOrder::getId).toList());
            }
        }
    }

    /**
     * Announces each order on its own: for routing that failed for orders announced together, so that one order
     * that cannot be routed goes to the dead-letter queue alone and holds up none of the others.
     */
    public void announceEach(List<Long> workOrderIds) {
        workOrderIds.forEach(id -> announce(id, null));
    }

    private void announce(long workOrderId, String orderNo) {
        var body = JSON.createObjectBuilder()
                .add("type", EventMessage.WORK_ORDER_OPENED)
                .add("messageId", UUID.randomUUID().toString())
                .add("workOrderId", workOrderId);
        if (orderNo != null) {
            body.add("orderNo", orderNo);
        }
        send(body.build().toString(), m -> m.setLongProperty(EventMessage.WORK_ORDER_ID, workOrderId),
                "work order " + (orderNo != null ? orderNo : "id " + workOrderId));
    }

    private void announce(List<Long> workOrderIds) {
        String body = JSON.createObjectBuilder()
                .add("type", EventMessage.WORK_ORDERS_OPENED)
                .add("messageId", UUID.randomUUID().toString())
                .add("workOrderIds", JSON.createArrayBuilder(workOrderIds))
                .build().toString();
        send(body, m -> m.setStringProperty(EventMessage.WORK_ORDER_IDS, EventMessage.idsProperty(workOrderIds)),
                workOrderIds.size() + " work orders (ids " + workOrderIds.get(0) + "…)");
    }

    /** The property that lets the broker be asked for an order's messages. */
    private interface Naming {
        void name(TextMessage message) throws JMSException;
    }

    private void send(String body, Naming naming, String what) {
        try (JMSContext context = connectionFactory.createContext()) {
            TextMessage message = context.createTextMessage(body);
            naming.name(message);
            context.createProducer().send(workOrderEvents, message);
        } catch (JMSException e) {
            throw new IllegalStateException(what + " cannot be announced: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean workOrderAnnouncementPending(long workOrderId) {
        String selector = EventMessage.WORK_ORDER_ID + " = " + workOrderId + " OR " + EventMessage.WORK_ORDER_IDS + " LIKE '%,"
                + workOrderId + ",%'";
        try (JMSContext context = connectionFactory.createContext()) {
            for (Queue queue : List.of(workOrderEvents, context.createQueue(JmsDeadLetters.DLQ))) {
                try (QueueBrowser browser = context.createBrowser(queue, selector)) {
                    if (browser.getEnumeration().hasMoreElements()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (JMSException e) {
            throw new IllegalStateException("the broker cannot be asked about work order " + workOrderId + ": " + e.getMessage(), e);
        }
    }
}
