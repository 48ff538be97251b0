package org.utilitydesk.infrastructure.notification;

import static org.utilitydesk.infrastructure.JsonSupport.JSON;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonReader;
import jakarta.mail.MessagingException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.utilitydesk.domain.model.customer.PersonalData;
import org.utilitydesk.domain.model.workorder.WorkOrder;

/**
 * Delivers outbox rows, each in its own transaction with the row locked, so two senders never send one
 * row and a failure is recorded with the row: attempts, the error, and when to try again (doubling from
 * {@code utilitydesk.outbox.retry-seconds}, at most an hour); after {@value #MAX_ATTEMPTS} attempts the row
 * is FAILED for a person to look at. A crash between handing a message over and committing can send it
 * twice (at least once); the dedup key keeps everything else once.
 */
@Stateless
public class OutboxDelivery {

    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class.getName());
    static final int MAX_ATTEMPTS = 12;
    private static final long MAX_BACKOFF_SECONDS = 3600;

    @PersistenceContext(unitName = "utilitydesk")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private NotificationTemplates templates;

    @Inject
    private SmppGateway sms;

    @Inject
    private MailGateway mail;

    @Inject
    @ConfigProperty(name = "utilitydesk.outbox.retry-seconds", defaultValue = "30")
    private int retrySeconds;

    /** Ids of rows due now on channels that are configured, most urgent first, then oldest first. */
    public List<Long> due(int limit) {
        List<String> channels = new ArrayList<>();
        if (sms.isConfigured()) {
            channels.add("SMS");
        }
        if (mail.isConfigured()) {
            channels.add("EMAIL");
        }
        if (channels.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM notification_outbox WHERE status = 'PENDING'"
                        + " AND channel IN (" + String.join(",", channels.stream().map(c -> "'" + c + "'").toList()) + ")"
                        + " AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY priority, id LIMIT ?")
                .setParameter(1, Timestamp.from(clock.instant()))
                .setParameter(2, limit)
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** Sends one row if it is still pending; true if it was sent now. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean deliver(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT channel, recipient, template, payload, attempts FROM notification_outbox"
                + " WHERE id = ? AND status = 'PENDING' FOR UPDATE").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        Object[] row = rows.get(0);
        String channel = (String) row[0];
        String recipient = (String) row[1];
        String template = (String) row[2];
        String payload = (String) row[3];
        int attempts = ((Number) row[4]).intValue() + 1;
        Instant now = clock.instant();
        try {
            String providerId = switch (channel) {
                case "SMS" -> sms.send(recipient, templates.render(template, "", payload));
                case "EMAIL" -> {
                    mail.send(recipient, templates.render(template, "subject", payload), templates.render(template, "body", payload));
                    yield null;
                }
                default -> throw new IllegalArgumentException("unknown channel " + channel);
            };
            em.createNativeQuery("UPDATE notification_outbox SET status = 'SENT', attempts = ?, sent_at = ?, provider_id = ?,"
                            + " last_error = NULL WHERE id = ?")
                    .setParameter(1, attempts).setParameter(2, Timestamp.from(now)).setParameter(3, providerId)
                    .setParameter(4, id).executeUpdate();
            recordOnOrder(template, payload, "NOTIFIED", channel, recipient, now);
            return true;
        } catch (IOException | MessagingException | RuntimeException e) {
            boolean giveUp = attempts >= MAX_ATTEMPTS || e instanceof IllegalArgumentException;
            long wait = Math.min(MAX_BACKOFF_SECONDS, retrySeconds * (1L << Math.min(20, attempts - 1)));
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            em.createNativeQuery("UPDATE notification_outbox SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ?"
                            + " WHERE id = ?")
                    .setParameter(1, giveUp ? "FAILED" : "PENDING").setParameter(2, attempts)
                    .setParameter(3, error.length() <= 500 ? error : error.substring(0, 500))
                    .setParameter(4, Timestamp.from(now.plusSeconds(wait))).setParameter(5, id).executeUpdate();
            if (giveUp) {
                recordOnOrder(template, payload, "NOTIFY_FAILED", channel, recipient, now);
            }
            LOG.warning(() -> channel + " notification " + id + " to " + recipient + " not delivered (attempt " + attempts
                    + (giveUp ? ", giving up" : ", next in " + wait + " s") + "): " + error);
            return false;
        }
    }

    /**
     * A work order's notification (its templates are WORK_ORDER_…, its payload names the order) goes into the
     * order's audit trail in the same transaction as the row's new status: who was told what, by which channel,
     * with the recipient masked. Other notifications (reminders, answers to strangers) are not about an order.
     */
    private void recordOnOrder(String template, String payload, String eventType, String channel, String recipient,
                               Instant now) {
        if (!template.startsWith("WORK_ORDER_")) {
            return;
        }
        String orderNo;
        try (JsonReader reader = JSON.createReader(new StringReader(payload))) {
            orderNo = reader.readObject().getString("orderNo", null);
        } catch (RuntimeException e) {
            return;
        }
        if (orderNo == null) {
            return;
        }
        String to = "SMS".equals(channel) ? PersonalData.maskPhone(recipient) : PersonalData.maskMailbox(recipient);
        em.createNamedQuery("WorkOrder.findByOrderNo", WorkOrder.class).setParameter("orderNo", orderNo).getResultStream()
                .findFirst().ifPresent(order -> order.notificationSent(eventType, channel + " " + to + " " + template, now));
    }
}
