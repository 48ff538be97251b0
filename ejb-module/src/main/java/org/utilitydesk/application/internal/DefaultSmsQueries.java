package org.utilitydesk.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.utilitydesk.application.SmsQueries;
import org.utilitydesk.application.WorkOrderService;
import org.utilitydesk.domain.model.customer.PersonalData;
import org.utilitydesk.domain.model.workorder.WorkOrder;

/** Answers a text through the notification outbox, so the reply is sent, retried and audited like any SMS. */
@Stateless
public class DefaultSmsQueries implements SmsQueries {

    private static final Logger LOG = Logger.getLogger(DefaultSmsQueries.class.getName());
    private static final Pattern ORDER_NO = Pattern.compile("(?i)(?<![A-Z0-9])([A-Z]{2}\\d{6,30})(?!\\d)");
    /** Mobile numbers are compared on their last 11 digits, so +86 or 0086 in front does not matter. */
    private static final int SIGNIFICANT_DIGITS = 11;

    @Inject
    private WorkOrderService workOrders;

    @Inject
    private Notifications notifications;

    @Inject
    private Clock clock;

    @Override
    public void received(String fromNumber, String text) {
        String from = digits(fromNumber);
        if (from.length() < 5) {
            LOG.warning(() -> "SMS from an unusable number '" + fromNumber + "' ignored");
            return;
        }
        String replyTo = fromNumber.strip(); // as the SMS centre gave it, so the answer takes the same route back
        long minute = clock.instant().getEpochSecond() / 60;
        Matcher m = ORDER_NO.matcher(text == null ? "" : text);
        if (!m.find()) {
            notifications.enqueue("sms-help:" + from + ":" + minute, Notifications.Channel.SMS, replyTo, "SMS_QUERY_HELP", Map.of());
            LOG.info(() -> "SMS from " + PersonalData.maskPhone(from) + " names no work order; how-to sent");
            return;
        }
        String orderNo = m.group(1).toUpperCase(Locale.ROOT);
        Optional<WorkOrder> order = workOrders.findByOrderNo(orderNo).filter(o -> sameNumber(o.getContactPhone(), from));
        if (order.isEmpty()) {
            notifications.enqueue("sms-unknown:" + from + ":" + orderNo + ":" + minute, Notifications.Channel.SMS, replyTo,
                    "SMS_QUERY_NOT_FOUND", Map.of("orderNo", orderNo));
            LOG.info(() -> "SMS progress query for " + orderNo + " from " + PersonalData.maskPhone(from) + ": no such order on that number");
            return;
        }
        WorkOrder o = order.get();
        notifications.enqueue("sms-progress:" + from + ":" + orderNo + ":" + minute, Notifications.Channel.SMS, replyTo,
                "WORK_ORDER_PROGRESS_" + o.getState().name(),
                Map.of("orderNo", orderNo, "due", o.getSlaDueAt() == null ? "" : o.getSlaDueAt().toString()));
        LOG.info(() -> "SMS progress query for " + orderNo + " answered: " + o.getState());
    }

    static boolean sameNumber(String onOrder, String from) {
        String a = digits(onOrder);
        return a.length() >= 5 && last(a).equals(last(from));
    }

    private static String last(String digits) {
        return digits.length() > SIGNIFICANT_DIGITS ? digits.substring(digits.length() - SIGNIFICANT_DIGITS) : digits;
    }

    private static String digits(String number) {
        return number == null ? "" : number.replaceAll("\\D", "");
    }
}
