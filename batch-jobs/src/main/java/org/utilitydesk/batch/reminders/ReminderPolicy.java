package org.utilitydesk.batch.reminders;

import java.time.LocalTime;
import java.util.List;

/**
 * An administrator's reminder window: bills {@code daysFrom}..{@code daysTo} days past due, reminded between
 * {@code hourFrom} and {@code hourTo} local time, at most {@code maxPerBill} times, by the channels in order.
 */
public record ReminderPolicy(long id, String name, int daysFrom, int daysTo, int hourFrom, int hourTo, int maxPerBill,
                             List<ReminderChannel> channels) {

    boolean openAt(LocalTime time) {
        return time.getHour() >= hourFrom && time.getHour() < hourTo;
    }

    boolean covers(long daysOverdue) {
        return daysOverdue >= daysFrom && daysOverdue <= daysTo;
    }
}
