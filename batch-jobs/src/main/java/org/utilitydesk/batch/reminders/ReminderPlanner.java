package org.utilitydesk.batch.reminders;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.regex.Pattern;
import org.utilitydesk.batch.control.RejectedItemException;

/**
 * Turns a candidate bill into the reminder it gets now; bills that get none are filtered out. A phone
 * number no SMS or call can go to is rejected (recorded with the bill, for someone to correct).
 */
@Named
@Dependent
public class ReminderPlanner implements ItemProcessor {

    private static final Pattern PHONE = Pattern.compile("\\+?\\d{5,20}");

    @Inject
    private StepContext step;

    @Override
    public Object processItem(Object item) {
        ReminderPlan plan = (ReminderPlan) step.getTransientUserData();
        ReminderCandidate bill = (ReminderCandidate) item;
        Reminder reminder = plan.plan(bill).orElse(null);
        if (reminder != null && reminder.channel() != null && reminder.channel() != ReminderChannel.EMAIL
                && !PHONE.matcher(reminder.recipient()).matches()) {
            throw new RejectedItemException("bill " + bill.billId(), "customer " + bill.customerId()
                    + " has no usable phone number for " + reminder.channel() + ": '" + reminder.recipient() + "'");
        }
        return reminder;
    }
}
