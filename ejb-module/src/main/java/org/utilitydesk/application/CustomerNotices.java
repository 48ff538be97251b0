package org.utilitydesk.application;

import java.util.Map;

/**
 * Messages to customers that other modules (the batch jobs) ask for: each is queued in the notification
 * outbox in the caller's transaction, once per key.
 */
public interface CustomerNotices {

    enum Channel { SMS, EMAIL }

    /**
     * A payment reminder about one bill ({@code accountNumber}, {@code period}, {@code amount}, {@code dueDate}),
     * in Chinese or English; a second call with the same key queues nothing.
     */
    void paymentReminder(String key, Channel channel, String recipient, boolean english, Map<String, String> bill);
}
