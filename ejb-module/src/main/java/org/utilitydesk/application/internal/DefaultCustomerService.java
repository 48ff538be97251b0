package org.utilitydesk.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.utilitydesk.application.CustomerContacts;
import org.utilitydesk.application.CustomerService;
import org.utilitydesk.domain.model.customer.Account;
import org.utilitydesk.domain.model.customer.AccountNumber;
import org.utilitydesk.domain.model.customer.Customer;
import org.utilitydesk.domain.model.customer.CustomerRepository;
import org.utilitydesk.domain.model.customer.PersonalData;
import org.utilitydesk.domain.model.workorder.SlaStatus;
import org.utilitydesk.domain.model.workorder.WorkOrderState;

/** Customer look-ups over the repository. */
@Stateless
public class DefaultCustomerService implements CustomerService {

    /** How many of each account's bills the 360 lists (the unpaid ones are the latest). */
    private static final int BILLS_PER_ACCOUNT = 4;
    /** How many open orders the 360 lists; the customer's page pages through all of them. */
    private static final int OVERVIEW_ORDERS = 10;
    /** How many of the latest contacts (of every channel) the 360 lists. */
    private static final int OVERVIEW_CONTACTS = 10;
    private static final String OPEN = " AND state NOT IN ('CLOSED', 'CANCELLED')";

    @PersistenceContext(unitName = "utilitydesk")
    private EntityManager em;

    private CustomerRepository customers;
    private CustomerContacts contactHistory;

    protected DefaultCustomerService() {
    }

    @Inject
    public DefaultCustomerService(CustomerRepository customers, CustomerContacts contactHistory) {
        this.customers = customers;
        this.contactHistory = contactHistory;
    }

    @Override
    public Optional<Account> findAccount(String accountNumber) {
        return customers.findAccount(AccountNumber.of(accountNumber));
    }

    @Override
    public Map<String, Account> findAccounts(Collection<String> accountNumbers) {
        // keyed by the numbers as given: typed with spaces or dashes they still find their account
        Map<String, AccountNumber> numbers = accountNumbers.stream().distinct()
                .collect(Collectors.toMap(n -> n, AccountNumber::of));
        Map<AccountNumber, Account> found = customers.findAccounts(Set.copyOf(numbers.values())).stream()
                .collect(Collectors.toMap(Account::getAccountNumber, a -> a));
        return numbers.entrySet().stream().filter(e -> found.containsKey(e.getValue()))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> found.get(e.getValue())));
    }

    @Override
    public List<Customer> search(String text, int first, int max) {
        return customers.search(text, Math.max(0, first), Math.min(Math.max(1, max), 200));
    }

    @Override
    public long count(String text) {
        return customers.count(text);
    }

    @Override
    public Optional<OrderParty> party(Long customerId, Long accountId) {
        Account account = accountId == null ? null : em.find(Account.class, accountId);
        Customer customer = customerId != null ? em.find(Customer.class, customerId) : account == null ? null : account.getCustomer();
        if (customer == null && account == null) {
            return Optional.empty();
        }
        return Optional.of(new OrderParty(customer == null ? null : customer.getId(), customer == null ? null : customer.getCustomerNo(),
                customer == null ? null : customer.getName(), customer != null && customer.isVip(),
                customer == null ? null : PersonalData.maskPhone(customer.getMobilePhone()),
                account == null ? null : account.getAccountNumber().value(), account == null ? null : account.getEnergyType().name()));
    }

    @Override
    public Optional<String> numberToDial(long customerId) {
        return Optional.ofNullable(em.find(Customer.class, customerId)).map(Customer::getMobilePhone)
                .filter(n -> !n.isBlank());
    }

    @Override
    public Optional<Overview> overview(long customerId) {
        List<?> found = em.createNativeQuery("SELECT customer_no, name, customer_type, vip, mobile_phone FROM customer WHERE id = ?")
                .setParameter(1, customerId).getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Object[] c = (Object[]) found.get(0);
        List<AccountLine> accounts = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT a.id, a.account_number, a.energy_type, a.status, a.supply_address, s.name,"
                + " a.balance FROM account a JOIN service_area s ON s.id = a.service_area_id WHERE a.customer_id = ? ORDER BY a.id")
                .setParameter(1, customerId).getResultList()) {
            Object[] a = (Object[]) row;
            List<MeterLine> meters = new ArrayList<>();
            for (Object meter : em.createNativeQuery("SELECT meter_number, meter_type FROM service_point"
                    + " WHERE account_id = ? ORDER BY id").setParameter(1, a[0]).getResultList()) {
                Object[] m = (Object[]) meter;
                meters.add(new MeterLine((String) m[0], (String) m[1]));
            }
            List<BillLine> bills = new ArrayList<>();
            for (Object bill : em.createNativeQuery("SELECT period, due_date, amount_total, amount_paid, status FROM bill"
                    + " WHERE account_id = ? ORDER BY period DESC, id DESC LIMIT " + BILLS_PER_ACCOUNT).setParameter(1, a[0]).getResultList()) {
                Object[] b = (Object[]) bill;
                bills.add(new BillLine((String) a[1], (String) b[0], SqlValues.date(b[1]), (BigDecimal) b[2], (BigDecimal) b[3],
                        (String) b[4]));
            }
            accounts.add(new AccountLine((String) a[1], (String) a[2], (String) a[3], PersonalData.maskAddress((String) a[4]),
                    (String) a[5], (BigDecimal) a[6], meters, bills));
        }
        List<PaymentLine> payments = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT a.account_number, p.paid_at, p.amount, p.channel FROM payment p"
                + " JOIN account a ON a.id = p.account_id WHERE a.customer_id = ? ORDER BY p.paid_at DESC LIMIT 5")
                .setParameter(1, customerId).getResultList()) {
            Object[] p = (Object[]) row;
            payments.add(new PaymentLine((String) p[0], SqlValues.instant(p[1]), (BigDecimal) p[2], (String) p[3]));
        }
        List<OrderLine> orders = openOrders(customerId, 0, OVERVIEW_ORDERS);
        List<CustomerContacts.HistoryLine> contacts = contactHistory.history(customerId, 0, OVERVIEW_CONTACTS);
        List<ReminderLine> reminders = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT r.created_at, b.period, r.amount_due, r.channel, r.status,"
                + " COALESCE(o.state, n.status, r.outcome) FROM payment_reminder r JOIN bill b ON b.id = r.bill_id"
                + " LEFT JOIN notification_outbox n ON n.dedup_key = r.delivery_key"
                + " LEFT JOIN outbound_call o ON o.request_key = r.delivery_key"
                + " WHERE r.customer_id = ? ORDER BY r.created_at DESC, r.id DESC LIMIT 5")
                .setParameter(1, customerId).getResultList()) {
            Object[] r = (Object[]) row;
            reminders.add(new ReminderLine(instant(r[0]), (String) r[1], (BigDecimal) r[2], (String) r[3], (String) r[4],
                    (String) r[5]));
        }
        return Optional.of(new Overview(customerId, (String) c[0], (String) c[1], (String) c[2],
                SqlValues.bool(c[3]), PersonalData.maskPhone((String) c[4]),
                accounts, payments, orders,
                orders.size() < OVERVIEW_ORDERS ? orders.size() : openOrderCount(customerId), contacts,
                contacts.size() < OVERVIEW_CONTACTS ? contacts.size() : contactHistory.historySize(customerId), reminders));
    }

    @Override
    public List<OrderLine> openOrders(long customerId, int first, int max) {
        List<OrderLine> orders = new ArrayList<>();
        Instant now = Instant.now();
        for (Object row : em.createNativeQuery("SELECT order_no, order_type, state, subject, dispatched_at, sla_due_at,"
                + " sla_paused_since, sla_paused_seconds FROM work_order WHERE customer_id = ?"
                + OPEN + " ORDER BY created_at DESC, id DESC")
                .setParameter(1, customerId).setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(max, 200)))
                .getResultList()) {
            Object[] o = (Object[]) row;
            Instant due = instant(o[5]);
            orders.add(new OrderLine((String) o[0], (String) o[1], (String) o[2], (String) o[3], due,
                    SlaStatus.of(WorkOrderState.valueOf((String) o[2]), instant(o[4]), due, instant(o[6]),
                            ((Number) o[7]).longValue(), now).name()));
        }
        return orders;
    }

    @Override
    public long openOrderCount(long customerId) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM work_order WHERE customer_id = ?" + OPEN)
                .setParameter(1, customerId).getSingleResult()).longValue();
    }

    private static Instant instant(Object value) {
        return SqlValues.instant(value);
    }
}
