package org.utilitydesk.batch.reminders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * An unpaid bill past its due date, with what reminding its customer needs: contacts, language, whether
 * they asked not to be disturbed, and how many reminders each policy has already sent for the bill.
 */
public record ReminderCandidate(long billId, String period, long accountId, String accountNumber, long customerId,
                                LocalDate dueDate, BigDecimal amountDue, String mobile, String email, String language,
                                boolean doNotDisturb, Map<Long, Integer> sentByPolicy) {

    int sentUnder(long policyId) {
        return sentByPolicy.getOrDefault(policyId, 0);
    }
}
