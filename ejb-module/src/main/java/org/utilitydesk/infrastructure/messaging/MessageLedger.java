package org.utilitydesk.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * Remembers which messages each consumer has handled. The record joins the caller's transaction: if the
 * handling rolls back, so does the record and the redelivery is handled afresh. Two deliveries racing
 * each other collide on the primary key and one of them rolls back and is redelivered, then skipped.
 */
@ApplicationScoped
public class MessageLedger {

    @PersistenceContext(unitName = "utilitydesk")
    private EntityManager em;

    @Inject
    private Clock clock;

    /** Records the message and returns true, or returns false if this consumer has handled it before. */
    public boolean firstTime(String consumer, String messageId) {
        if (em.find(ProcessedMessage.class, new ProcessedMessage.Key(consumer, messageId)) != null) {
            return false;
        }
        em.persist(new ProcessedMessage(consumer, messageId, clock.instant()));
        em.flush();
        return true;
    }
}
