package org.utilitydesk.infrastructure.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.utilitydesk.application.WorkOrderRouting;

/**
 * Takes work-order events off the broker and hands them to routing. Thin on purpose: any failure is
 * thrown so the transaction rolls back and the broker redelivers, and after the broker's last attempt
 * the message lands in the dead-letter queue. Broker credentials come from the resource adapter's
 * configuration, never from code.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Destinations.RESOURCE_ADAPTER),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "destination", propertyValue = Destinations.WORK_ORDER_EVENTS_ADDRESS),
    @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
})
public class WorkOrderEventsConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(WorkOrderEventsConsumer.class.getName());

    @Inject
    private WorkOrderRouting routing;

    @Override
    public void onMessage(Message message) {
        String body;
        try {
            body = message instanceof TextMessage text ? text.getText() : null;
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read message " + idOf(message), e);
        }
        try {
            EventMessage event = EventMessage.parse(body);
            routing.route(event.messageId(), event.workOrderId());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "work-order event " + idOf(message) + " failed; the broker will redeliver it or dead-letter it: "
                    + e.getMessage());
            throw e;
        }
    }

    private static String idOf(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(no id)";
        }
    }
}
