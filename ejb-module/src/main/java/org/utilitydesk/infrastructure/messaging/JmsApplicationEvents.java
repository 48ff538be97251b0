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
        String body = JSON.createObjectBuilder()
                .add("type", EventMessage.WORK_ORDER_OPENED)
                .add("messageId", UUID.randomUUID().toString())
                .add("workOrderId", order.getId())
                .add("orderNo", order.getOrderNo())
                .build().toString();
        try (JMSContext context = connectionFactory.createContext()) {
            TextMessage message = context.createTextMessage(body);
            message.setLongProperty(EventMessage.WORK_ORDER_ID, order.getId());
            context.createProducer().send(workOrderEvents, message);
        } catch (JMSException e) {
            throw new IllegalStateException("work order " + order.getOrderNo() + " cannot be announced: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean workOrderAnnouncementPending(long workOrderId) {
        String selector = EventMessage.WORK_ORDER_ID + " = " + workOrderId;
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
