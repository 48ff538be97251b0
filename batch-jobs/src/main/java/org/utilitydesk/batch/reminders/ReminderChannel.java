package org.utilitydesk.batch.reminders;

/** How a customer is reminded. */
public enum ReminderChannel {
    SMS, EMAIL, IVR_CALL;

    /** Where this channel reaches the customer, or null when they gave no such contact. */
    String recipient(ReminderCandidate customer) {
        String contact = this == EMAIL ? customer.email() : customer.mobile();
        return contact == null || contact.isBlank() ? null : contact.strip();
    }
}
