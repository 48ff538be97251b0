package org.utilitydesk.batch.reminders;

/**
 * One reminder to send: the bill, the policy and window it is sent under ({@code windowKey}: one reminder per
 * bill and window), which attempt under the policy it is, and the channel and address it goes to. A reminder
 * without a channel records that the customer could not be reached by any of the policy's channels.
 */
public record Reminder(ReminderCandidate bill, ReminderPolicy policy, String windowKey, int attemptNo,
                       ReminderChannel channel, String recipient) {

    /** The key its delivery is known by: the outbox dedup key or the outbound call's request key. */
    String deliveryKey() {
        return "reminder-" + bill.billId() + "-" + windowKey;
    }

    boolean reachable() {
        return channel != null;
    }
}
