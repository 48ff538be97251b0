package org.utilitydesk.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;
import org.utilitydesk.application.DeadLetters;
import org.utilitydesk.domain.model.workorder.WorkOrderRepository;

/**
 * The broker's dead-letter queue (DLQ), read through the resource adapter. Artemis keeps the address a
 * dead message was going to in {@value #ORIGINAL_ADDRESS}; a retry receives the message from the DLQ and
 * sends it there within one XA transaction. Each letter names the work orders it is about, by number and
 * state, from the order ids the producer put in its properties.
 */
@Stateless
public class JmsDeadLetters implements DeadLetters {

    private static final Logger LOG = Logger.getLogger(JmsDeadLetters.class.getName());
    static final String DLQ = "DLQ";
    private static final String ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";
    private static final int BODY_PREVIEW = 500;

    @Resource(lookup = Destinations.CONNECTION_FACTORY)
    private ConnectionFactory connectionFactory;

    @Inject
    private WorkOrderRepository workOrders;

    /** The letters, each with the orders it is about, read in one query for the whole list. */
    @Override
    public List<DeadLetter> list(int max) {
        List<Message> messages = new ArrayList<>();
        try (JMSContext context = connectionFactory.createContext();
             QueueBrowser browser = context.createBrowser(context.createQueue(DLQ))) {
            Enumeration<?> found = browser.getEnumeration();
            while (found.hasMoreElements() && messages.size() < max) {
                messages.add((Message) found.nextElement());
            }
            List<List<Long>> orderIds = new ArrayList<>();
            Set<Long> wanted = new LinkedHashSet<>();
            for (Message message : messages) {
                List<Long> ids = workOrderIds(message);
                orderIds.add(ids);
                wanted.addAll(ids);
            }
            Map<Long, Order> orders = new HashMap<>();
            if (!wanted.isEmpty()) {
                workOrders.findAll(wanted).forEach(o -> orders.put(o.getId(), new Order(o.getOrderNo(), o.getState().name())));
            }
            List<DeadLetter> letters = new ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                letters.add(letter(messages.get(i), orderIds.get(i).stream().map(orders::get).filter(Objects::nonNull).toList()));
            }
            return letters;
        } catch (JMSException e) {
            throw new IllegalStateException("the dead-letter queue cannot be read: " + e.getMessage(), e);
        }
    }

    /** The ids a message carries in its properties (a single order, or several announced together). */
    private static List<Long> workOrderIds(Message message) throws JMSException {
        if (message.propertyExists(EventMessage.WORK_ORDER_ID)) {
            return List.of(message.getLongProperty(EventMessage.WORK_ORDER_ID));
        }
        String ids = message.propertyExists(EventMessage.WORK_ORDER_IDS) ? message.getStringProperty(EventMessage.WORK_ORDER_IDS) : null;
        return ids == null ? List.of() : EventMessage.idsOf(ids);
    }

    @Override
    public boolean retry(String id) {
        if (id == null || !id.matches("ID:[0-9a-fA-F-]{1,64}")) {
            return false;
        }
        try (JMSContext context = connectionFactory.createContext();
             JMSConsumer consumer = context.createConsumer(context.createQueue(DLQ), "JMSMessageID = '" + id + "'")) {
            Message message = consumer.receive(2_000);
            if (message == null) {
                return false;
            }
            String address = message.getStringProperty(ORIGINAL_ADDRESS);
            if (address == null || !address.startsWith("utilitydesk.")) {
                throw new IllegalStateException("dead letter " + id + " has no application address to go back to: " + address);
            }
            TextMessage copy = context.createTextMessage(message instanceof TextMessage text ? text.getText() : message.getBody(String.class));
            if (message.propertyExists(EventMessage.WORK_ORDER_ID)) {
                copy.setLongProperty(EventMessage.WORK_ORDER_ID, message.getLongProperty(EventMessage.WORK_ORDER_ID));
            }
            if (message.propertyExists(EventMessage.WORK_ORDER_IDS)) {
                copy.setStringProperty(EventMessage.WORK_ORDER_IDS, message.getStringProperty(EventMessage.WORK_ORDER_IDS));
            }
            context.createProducer().send(context.createQueue(address), copy);
            LOG.info(() -> "dead letter " + id + " sent back to " + address);
            return true;
        } catch (JMSException e) {
            throw new IllegalStateException("dead letter " + id + " cannot be retried: " + e.getMessage(), e);
        }
    }

    private static DeadLetter letter(Message message, List<Order> orders) throws JMSException {
        String body = message instanceof TextMessage text ? text.getText() : message.getClass().getSimpleName();
        return new DeadLetter(message.getJMSMessageID(), message.getStringProperty(ORIGINAL_ADDRESS),
                Instant.ofEpochMilli(message.getJMSTimestamp()),
                body == null || body.length() <= BODY_PREVIEW ? body : body.substring(0, BODY_PREVIEW) + "…", orders);
    }
}
