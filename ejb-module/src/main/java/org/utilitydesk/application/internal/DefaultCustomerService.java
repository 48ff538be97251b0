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

    @PersistenceContext(unitName = "utilitydesk")
    private EntityManager em;

    private CustomerRepository customers;

    protected DefaultCustomerService() {
    }

    @Inject
    public DefaultCustomerService(CustomerRepository customers) {
        this.customers = customers;
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
            List<String> meters = new ArrayList<>();
            for (Object meter : em.createNativeQuery("SELECT CONCAT(meter_number, ' (', meter_type, ')') FROM service_point"
                    + " WHERE account_id = ? ORDER BY id").setParameter(1, a[0]).getResultList()) {
                meters.add((String) meter);
            }
            accounts.add(new AccountLine((String) a[1], (String) a[2], (String) a[3], PersonalData.maskAddress((String) a[4]),
                    (String) a[5], (BigDecimal) a[6], meters));
        }
        List<BillLine> bills = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT a.account_number, b.period, b.due_date, b.amount_total, b.amount_paid, b.status"
                + " FROM bill b JOIN account a ON a.id = b.account_id WHERE a.customer_id = ? ORDER BY b.period DESC, b.id DESC LIMIT 6")
                .setParameter(1, customerId).getResultList()) {
            Object[] b = (Object[]) row;
            bills.add(new BillLine((String) b[0], (String) b[1], SqlValues.date(b[2]), (BigDecimal) b[3],
                    (BigDecimal) b[4], (String) b[5]));
        }
        List<PaymentLine> payments = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT a.account_number, p.paid_at, p.amount, p.channel FROM payment p"
                + " JOIN account a ON a.id = p.account_id WHERE a.customer_id = ? ORDER BY p.paid_at DESC LIMIT 5")
                .setParameter(1, customerId).getResultList()) {
            Object[] p = (Object[]) row;
            payments.add(new PaymentLine((String) p[0], SqlValues.instant(p[1]), (BigDecimal) p[2], (String) p[3]));
        }
        List<OrderLine> orders = new ArrayList<>();
        Instant now = Instant.now();
        for (Object row : em.createNativeQuery("SELECT order_no, order_type, state, subject, dispatched_at, sla_due_at,"
                + " sla_paused_since, sla_paused_seconds FROM work_order WHERE customer_id = ?"
                + " AND state NOT IN ('CLOSED', 'CANCELLED') ORDER BY created_at DESC LIMIT 10")
                .setParameter(1, customerId).getResultList()) {
            Object[] o = (Object[]) row;
            Instant due = instant(o[5]);
            orders.add(new OrderLine((String) o[0], (String) o[1], (String) o[2], (String) o[3], due,
                    SlaStatus.of(WorkOrderState.valueOf((String) o[2]), instant(o[4]), due, instant(o[6]),
                            ((Number) o[7]).longValue(), now).name()));
        }
        List<CallLine> calls = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT started_at, direction, outcome, disposition_code, notes, ivr_path"
                + " FROM call_record WHERE customer_id = ? ORDER BY started_at DESC LIMIT 10")
                .setParameter(1, customerId).getResultList()) {
            Object[] k = (Object[]) row;
            calls.add(new CallLine(instant(k[0]), (String) k[1], (String) k[2], (String) k[3], (String) k[4], (String) k[5]));
        }
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
                accounts, bills, payments, orders, calls, reminders));
    }

    private static Instant instant(Object value) {
        return SqlValues.instant(value);
    }
}
