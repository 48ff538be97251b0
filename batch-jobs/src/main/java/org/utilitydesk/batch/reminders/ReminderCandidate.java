package org.utilitydesk.batch.reminders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * An unpaid bill past its due date, with what reminding its customer needs: contacts, language, whether
 * they asked not to be disturbed, how many reminders each policy has already sent for the bill, and the
 * windows it was reminded in.
 */
public record ReminderCandidate(long billId, String period, long accountId, String accountNumber, long customerId,
                                LocalDate dueDate, BigDecimal amountDue, String mobile, String email, String language,
                                boolean doNotDisturb, Map<Long, Integer> sentByPolicy, Set<String> windows) {

    /** Whether the bill has had its reminder of this window already. */
    boolean remindedIn(String windowKey) {
        return windows.contains(windowKey);
    }

    int sentUnder(long policyId) {
        return sentByPolicy.getOrDefault(policyId, 0);
    }
}
