package org.utilitydesk.batch.reminders;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.utilitydesk.application.CustomerNotices;

/**
 * Writes each reminder row and, in the same transaction, the SMS or e-mail it sends to the notification
 * outbox (one per reminder: the outbox keys it by the reminder's delivery key). Reminder calls are written
 * PENDING and placed by the next step, after this chunk has committed. A customer no channel reaches gets a
 * SKIPPED row saying so, which the customer 360 shows.
 */
@Named
@Dependent
public class ReminderWriter extends AbstractItemWriter {

    @Inject
    private ReminderLedger ledger;

    @Inject
    private CustomerNotices notices;

    @Inject
    private JobContext job;

    @Override
    public void writeItems(List<Object> items) {
        Instant now = Clock.systemUTC().instant();
        for (Object item : items) {
            Reminder reminder = (Reminder) item;
            if (!reminder.reachable()) {
                ledger.record(reminder, "SKIPPED", "NO_CONTACT: " + reminder.policy().channels(), job.getExecutionId(), now);
            } else if (reminder.channel() == ReminderChannel.IVR_CALL) {
                ledger.record(reminder, "PENDING", null, job.getExecutionId(), now);
            } else if (ledger.record(reminder, "SENT", "QUEUED", job.getExecutionId(), now)) {
                ReminderCandidate bill = reminder.bill();
                boolean english = bill.language() != null && bill.language().startsWith("en");
                notices.paymentReminder(reminder.deliveryKey(),
                        reminder.channel() == ReminderChannel.EMAIL ? CustomerNotices.Channel.EMAIL : CustomerNotices.Channel.SMS,
                        reminder.recipient(), english, Map.of("accountNumber", bill.accountNumber(), "period", bill.period(),
                                "amount", bill.amountDue().setScale(2, RoundingMode.HALF_UP).toPlainString(),
                                "dueDate", bill.dueDate().toString()));
            }
        }
    }
}
