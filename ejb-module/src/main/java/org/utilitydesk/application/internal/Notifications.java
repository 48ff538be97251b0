package org.utilitydesk.application.internal;

import static org.utilitydesk.infrastructure.JsonSupport.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
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

    static final int ROWS_PER_STATEMENT = 200;

    /** Queues one notification unless one with this key exists. */
    public void enqueue(String dedupKey, Channel channel, String recipient, String template, Map<String, String> parameters) {
        enqueue(dedupKey, channel, recipient, template, parameters, Priority.NORMAL);
    }

    /** Queues one notification of the given priority unless one with this key exists. */
    public void enqueue(String dedupKey, Channel channel, String recipient, String template, Map<String, String> parameters,
                        Priority priority) {
        enqueueAll(List.of(new Notice(dedupKey, channel, recipient, template, parameters, priority)));
    }

    /** A notification to queue: {@link #enqueueAll} writes many in one statement. */
    public record Notice(String dedupKey, Channel channel, String recipient, String template, Map<String, String> parameters,
                         Priority priority) {

        public Notice(String dedupKey, Channel channel, String recipient, String template, Map<String, String> parameters) {
            this(dedupKey, channel, recipient, template, parameters, Priority.NORMAL);
        }
    }

    /**
     * Queues each notification unless one with its key exists, in as few statements as possible (one per
     * {@value #ROWS_PER_STATEMENT}): routing a batch of orders tells all their customers and assignees at once.
     */
    public void enqueueAll(List<Notice> notices) {
        List<Notice> sendable = notices.stream().filter(n -> {
            boolean addressed = n.recipient() != null && !n.recipient().isBlank();
            if (!addressed) {
                LOG.fine(() -> "no " + n.channel() + " recipient for " + n.dedupKey() + "; nothing queued");
            }
            return addressed;
        }).toList();
        Timestamp now = Timestamp.from(clock.instant());
        for (int from = 0; from < sendable.size(); from += ROWS_PER_STATEMENT) {
            List<Notice> rows = sendable.subList(from, Math.min(sendable.size(), from + ROWS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder("INSERT INTO notification_outbox (dedup_key, channel, recipient, template, payload,"
                    + " status, priority, attempts, created_at) VALUES ");
            for (int i = 0; i < rows.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, 'PENDING', ?, 0, ?)");
            }
            var insert = em.createNativeQuery(sql.append(" ON DUPLICATE KEY UPDATE dedup_key = dedup_key").toString());
            int p = 1;
            for (Notice n : rows) {
                JsonObjectBuilder payload = JSON.createObjectBuilder();
                n.parameters().forEach((k, v) -> payload.add(k, v == null ? "" : v));
                insert.setParameter(p++, n.dedupKey().length() <= 96 ? n.dedupKey() : n.dedupKey().substring(0, 96))
                        .setParameter(p++, n.channel().name())
                        .setParameter(p++, n.recipient())
                        .setParameter(p++, n.template())
                        .setParameter(p++, payload.build().toString())
                        .setParameter(p++, n.priority().value)
                        .setParameter(p++, now);
            }
            insert.executeUpdate();
        }
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
