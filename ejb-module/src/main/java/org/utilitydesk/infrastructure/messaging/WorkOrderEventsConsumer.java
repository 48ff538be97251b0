package org.utilitydesk.infrastructure.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.utilitydesk.application.WorkOrderRouting;
import org.utilitydesk.infrastructure.persistence.DatabaseOutage;

/**
 * Takes work-order events off the broker and hands them to routing. Thin on purpose: any failure rolls the
 * transaction back (logged here once, on one line for a malformed message) and the broker redelivers, and after the broker's last attempt
 * the message lands in the dead-letter queue. An event for several orders (opened together) that fails
 * for any reason but the database is taken, and each of its orders announced again on its own, so that
 * only an order that cannot be routed ends in the dead-letter queue. A failure because the database is
 * away is not the message's fault: before throwing, the consumer waits until the database answers again (at most
 * {@code utilitydesk.routing.database-wait-seconds}, 300 by default), so a long outage does not use up the
 * message's few deliveries and dead-letter orders that nothing is wrong with. Broker credentials come from
 * the resource adapter's configuration, never from code.
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

    @Inject
    private DatabaseOutage database;

    @Inject
    private JmsApplicationEvents events;

    @Inject
    @ConfigProperty(name = "utilitydesk.routing.database-wait-seconds", defaultValue = "300")
    private int databaseWaitSeconds;

    @Override
    public void onMessage(Message message) {
        String body;
        try {
            body = message instanceof TextMessage text ? text.getText() : null;
        } catch (JMSException e) {
            LOG.warning(() -> "work-order event " + idOf(message) + " cannot be read: " + e);
            throw new RedeliveryWanted(e);
        }
        EventMessage event = null;
        try {
            event = EventMessage.parse(body);
            routing.route(event.messageId(), event.workOrderIds());
        } catch (RuntimeException e) {
            if (DatabaseOutage.isCause(e)) {
                LOG.warning(() -> "work-order event " + idOf(message) + " could not be routed, the database is unavailable;"
                        + " holding it until the database answers (at most " + databaseWaitSeconds + " s): " + e.getMessage());
                boolean back = database.awaitBack(Duration.ofSeconds(databaseWaitSeconds));
                LOG.info(() -> "work-order event " + idOf(message) + (back ? ": the database answers again; the broker redelivers it"
                        : ": the database is still unavailable; the broker redelivers it (or dead-letters it after its last try)"));
                throw new RedeliveryWanted(e);
            }
            if (event != null && event.workOrderIds().size() > 1) {
                // one order that cannot be routed must not hold up the others: each goes back to the queue on its
                // own (sent with this message's acknowledgement), and only the one that fails again is dead-lettered
                LOG.warning("work-order event " + idOf(message) + " for " + event.workOrderIds().size() + " orders failed ("
                        + e.getMessage() + "); announcing each of them on its own");
                events.announceEach(event.workOrderIds());
                return;
            }
            if (e instanceof EventMessage.MalformedMessageException) {
                // the sender's fault, not ours: one line each time the broker tries, no stack trace
                LOG.warning(() -> "work-order event " + idOf(message) + " is malformed (" + e.getMessage()
                        + "); the broker will redeliver it or dead-letter it");
            } else {
                LOG.log(Level.WARNING, "work-order event " + idOf(message) + " failed; the broker will redeliver it or dead-letter it", e);
            }
            throw new RedeliveryWanted(e);
        }
    }

    /**
     * Rolls the delivery back so that the broker delivers the message again (or dead-letters it after its last try). The
     * consumer has already said why in the log: as an application exception it is not logged a second time by the
     * container, with a stack trace, on every delivery.
     */
    @ApplicationException(rollback = true)
    static final class RedeliveryWanted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RedeliveryWanted(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
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
