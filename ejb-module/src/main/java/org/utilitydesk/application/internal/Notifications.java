package org.utilitydesk.application.internal;

import static org.utilitydesk.infrastructure.JsonSupport.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.utilitydesk.domain.model.workorder.WorkOrder;

/**
 * The notification outbox: a notification is a row written in the same transaction as the change it
 * tells about, so it exists exactly when the change does; a sender delivers the rows later. The dedup
 * key (business event + recipient) makes a repeated change, or a redelivered message, one notification.
 */
@ApplicationScoped
public class Notifications {

    private static final Logger LOG = Logger.getLogger(Notifications.class.getName());

    public enum Channel { SMS, EMAIL }

    @PersistenceContext(unitName = "utilitydesk")
    private EntityManager em;

    @Inject
    private Clock clock;

    /** Where escalations go: the duty supervisor's mailbox. */
    @Inject
    @ConfigProperty(name = "utilitydesk.escalation.email", defaultValue = "duty-supervisor@localhost")
    private String escalationEmail;

    /** How soon the sender takes a notification: people waiting on it first, bulk (reminders) after. */
    public enum Priority {
        NORMAL(5), BULK(9);

        private final int value;

        Priority(int value) {
            this.value = value;
        }
    }

    /** Queues one notification unless one with this key exists. */
    public void enqueue(String dedupKey, Channel channel, String recipient, String template, Map<String, String> parameters) {
        enqueue(dedupKey, channel, recipient, template, parameters, Priority.NORMAL);
    }

    /** Queues one notification of the given priority unless one with this key exists. */
    public void enqueue(String dedupKey, Channel channel, String recipient, String template, Map<String, String> parameters,
                        Priority priority) {
        if (recipient == null || recipient.isBlank()) {
            LOG.fine(() -> "no " + channel + " recipient for " + dedupKey + "; nothing queued");
            return;
        }
        JsonObjectBuilder payload = JSON.createObjectBuilder();
        parameters.forEach((k, v) -> payload.add(k, v == null ? "" : v));
        em.createNativeQuery("INSERT INTO notification_outbox (dedup_key, channel, recipient, template, payload,"
                        + " status, priority, attempts, created_at) VALUES (?, ?, ?, ?, ?, 'PENDING', ?, 0, ?)"
                        + " ON DUPLICATE KEY UPDATE dedup_key = dedup_key")
                .setParameter(1, dedupKey.length() <= 96 ? dedupKey : dedupKey.substring(0, 96))
                .setParameter(2, channel.name())
                .setParameter(3, recipient)
                .setParameter(4, template)
                .setParameter(5, payload.build().toString())
                .setParameter(6, priority.value)
                .setParameter(7, Timestamp.from(clock.instant()))
                .executeUpdate();
    }

    /** Tells the duty supervisor (e-mail) about an escalation; one per dedup key. */
    public void toSupervisor(String dedupKey, String template, Map<String, String> parameters) {
        enqueue(dedupKey, Channel.EMAIL, escalationEmail, template, parameters);
    }

    /** Tells the customer (SMS to the order's contact phone) that their order is resolved. */
    public void workOrderResolved(WorkOrder order) {
        enqueue("resolved:" + order.getOrderNo(), Channel.SMS, order.getContactPhone(), "WORK_ORDER_RESOLVED",
                Map.of("orderNo", order.getOrderNo(), "subject", order.getSubject()));
    }
}
