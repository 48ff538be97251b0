package org.utilitydesk.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Map;
import org.utilitydesk.application.CustomerNotices;

/**
 * The outbox behind {@link CustomerNotices}; an EJB so that callers in other modules reach the persistence
 * unit, which only this module's beans can see.
 */
@Stateless
public class DefaultCustomerNotices implements CustomerNotices {

    @Inject
    private Notifications notifications;

    @Override
    public void paymentReminder(String key, Channel channel, String recipient, boolean english, Map<String, String> bill) {
        notifications.enqueue(key, channel == Channel.EMAIL ? Notifications.Channel.EMAIL : Notifications.Channel.SMS,
                recipient, english ? "PAYMENT_REMINDER_EN" : "PAYMENT_REMINDER", bill, Notifications.Priority.BULK);
    }
}
