package org.utilitydesk.infrastructure.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A message a consumer has handled, written in the same transaction as the handling itself. */
@Entity
@Table(name = "processed_message")
@IdClass(ProcessedMessage.Key.class)
public class ProcessedMessage {

    @Id
    @Column(nullable = false, length = 64)
    private String consumer;

    @Id
    @Column(name = "message_id", nullable = false, length = 64)
    private String messageId;

    @Column(name = "processed_at", nullable = false)
    private Instant processedAt;

    protected ProcessedMessage() {
    }

    ProcessedMessage(String consumer, String messageId, Instant processedAt) {
        this.consumer = consumer;
        this.messageId = messageId;
        this.processedAt = processedAt;
    }

    /** Composite key: consumer and business message id. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String consumer;
        private String messageId;

        public Key() {
        }

        public Key(String consumer, String messageId) {
            this.consumer = consumer;
            this.messageId = messageId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(consumer, k.consumer) && Objects.equals(messageId, k.messageId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(consumer, messageId);
        }
    }
}
