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
     * The customer 360 the desk shows when a call is offered and on the customer's page: the customer, their accounts
     * with meters and each account's latest bills (its balance is what they still ask), recent payments, payment reminders, the ten newest open work orders with their SLA state,
     * the latest contacts of every channel (calls with their notes, contacts staff recorded, orders the customer opened
     * themselves), and how many orders and contacts there are in all. Phone numbers and addresses come masked.
     */
    Optional<Overview> overview(long customerId);

    /** The customer's open work orders (not closed or cancelled), newest first, with their SLA state. */
    List<OrderLine> openOrders(long customerId, int first, int max);

    long openOrderCount(long customerId);

    /**
     * Whom an order is for, as the desk shows it next to the order: the customer (their phone masked) and the
     * account; empty when the order names neither.
     */
    Optional<OrderParty> party(Long customerId, Long accountId);

    record OrderParty(Long customerId, String customerNo, String name, boolean vip, String mobilePhone,
                      String accountNumber, String energyType) {
    }

    /** The customer's mobile number in full, for the telephone system to dial; never for display. */
    Optional<String> numberToDial(long customerId);

    record Overview(long customerId, String customerNo, String name, String customerType, boolean vip, String mobilePhone,
                    List<AccountLine> accounts, List<PaymentLine> payments,
                    List<OrderLine> openOrders, long openOrderCount,
                    List<CustomerContacts.HistoryLine> contacts, long contactCount, List<ReminderLine> reminders) {
    }

    record AccountLine(String accountNumber, String energyType, String status, String address, String serviceArea,
                       java.math.BigDecimal balance, List<MeterLine> meters, List<BillLine> bills) {
    }

    /** A meter on the account: its number and type (SMART_SINGLE_PHASE, SMART_THREE_PHASE, GAS_DIAPHRAGM, …). */
    record MeterLine(String number, String type) {
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
}
