package org.utilitydesk.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.utilitydesk.domain.model.customer.EnergyType;

/** What a customer owes, as the IVR reads it aloud and the desk shows it. */
public interface BillingService {

    /**
     * @param amountDue sum of what is unpaid on open bills (zero when nothing is owed)
     * @param dueDate due date of the oldest unpaid bill, if any
     * @param lastPaymentAmount amount of the most recent payment, if any
     * @param lastPaymentAt when it was paid
     */
    record BillSummary(BigDecimal amountDue, LocalDate dueDate, BigDecimal lastPaymentAmount, Instant lastPaymentAt) {
    }

    Optional<BillSummary> summary(long accountId);

    /**
     * One month's bill: usage (kWh for electricity, cubic metres for gas), amount, what is paid of it, its due date
     * and whether it is settled.
     */
    record MonthStatement(YearMonth period, EnergyType energy, BigDecimal usage, BigDecimal amount, BigDecimal paid,
                          LocalDate dueDate, boolean settled) {
    }

    /** The bill of {@code month}, if the account has one. */
    Optional<MonthStatement> statement(long accountId, YearMonth month);
}
