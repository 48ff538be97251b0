package org.utilitydesk.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.utilitydesk.domain.model.customer.Account;
import org.utilitydesk.domain.model.customer.Customer;

/** Looking customers up, by account number, phone or free text. */
public interface CustomerService {

    /** The account with this number; throws InvalidAccountNumberException for malformed input. */
    Optional<Account> findAccount(String accountNumber);

    /**
     * The accounts with these numbers that exist, by the number as given, in one lookup; throws
     * InvalidAccountNumberException for the first malformed one.
     */
    Map<String, Account> findAccounts(Collection<String> accountNumbers);

    List<Customer> search(String text, int first, int max);

    long count(String text);

    /**
     * The customer 360 the desk shows when a call is offered: the customer, their accounts with meters,
     * recent bills and payments, payment reminders, open work orders with their SLA state, past calls with notes. Phone
     * numbers and addresses come masked.
     */
    Optional<Overview> overview(long customerId);

    /** The customer's mobile number in full, for the telephone system to dial; never for display. */
    Optional<String> numberToDial(long customerId);

    record Overview(long customerId, String customerNo, String name, String customerType, boolean vip, String mobilePhone,
                    List<AccountLine> accounts, List<BillLine> bills, List<PaymentLine> payments,
                    List<OrderLine> openOrders, List<CallLine> calls, List<ReminderLine> reminders) {
    }

    record AccountLine(String accountNumber, String energyType, String status, String address, String serviceArea,
                       java.math.BigDecimal balance, List<String> meters) {
    }

    record BillLine(String accountNumber, String period, java.time.LocalDate dueDate, java.math.BigDecimal amount,
                    java.math.BigDecimal paid, String status) {
    }

    record PaymentLine(String accountNumber, java.time.Instant paidAt, java.math.BigDecimal amount, String channel) {
    }

    record OrderLine(String orderNo, String type, String state, String subject, java.time.Instant slaDueAt, String slaStatus) {
    }

    /**
     * A payment reminder sent (or not) about one of the customer's bills: when, which bill, by which channel,
     * the reminder's status (SENT, PENDING, SKIPPED, FAILED) and how its delivery went (the SMS or e-mail
     * outbox row's status, or the reminder call's state).
     */
    record ReminderLine(java.time.Instant at, String period, java.math.BigDecimal amountDue, String channel, String status,
                        String delivery) {
    }

    record CallLine(java.time.Instant startedAt, String direction, String outcome, String disposition, String notes,
                    String ivrPath) {
    }
}
