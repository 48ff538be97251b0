package org.utilitydesk.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.utilitydesk.domain.model.customer.Account;
import org.utilitydesk.domain.model.customer.AccountNumber;
import org.utilitydesk.domain.model.customer.Customer;
import org.utilitydesk.domain.model.customer.CustomerRepository;

/**
 * Customers and accounts through JPA. Free-text search picks the query by the shape of the text, so each
 * one can use an index on millions of customers: digits are looked up exactly as phone numbers, account
 * numbers or customer numbers; anything else is a name prefix.
 */
@ApplicationScoped
public class JpaCustomerRepository implements CustomerRepository {

    @PersistenceContext(unitName = "utilitydesk")
    private EntityManager em;

    @Override
    public Optional<Account> findAccount(AccountNumber number) {
        return em.createNamedQuery("Account.findByAccountNumber", Account.class)
                .setParameter("number", number)
                .getResultStream().findFirst();
    }

    @Override
    public List<Account> findAccounts(Collection<AccountNumber> numbers) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery("Account.findByAccountNumbers", Account.class)
                .setParameter("numbers", numbers.stream().map(AccountNumber::value).toList())
                .getResultList();
    }

    @Override
    public List<Customer> findByPhone(String phone) {
        return em.createNamedQuery("Customer.findByPhone", Customer.class).setParameter("phone", phone).getResultList();
    }

    @Override
    public List<Customer> search(String text, int first, int max) {
        String t = normalise(text);
        TypedQuery<Customer> query;
        if (t.isEmpty()) {
            query = em.createQuery("SELECT c FROM Customer c ORDER BY c.id", Customer.class);
        } else if (isNumberLike(t)) {
            Set<Long> ids = idsForNumber(t);
            if (ids.isEmpty()) {
                return List.of();
            }
            query = em.createQuery("SELECT c FROM Customer c WHERE c.id IN :ids ORDER BY c.id", Customer.class).setParameter("ids", ids);
        } else {
            query = em.createQuery("SELECT c FROM Customer c WHERE c.name LIKE :prefix ORDER BY c.name, c.id", Customer.class)
                    .setParameter("prefix", prefix(t));
        }
        // A page lists each customer's accounts and areas: load them for the whole page in one IN query each,
        // not one query per customer.
        return query.setHint("eclipselink.batch.type", "IN")
                .setHint("eclipselink.batch", "c.accounts")
                .setHint("eclipselink.batch", "c.accounts.serviceArea")
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    @Override
    public long count(String text) {
        String t = normalise(text);
        if (t.isEmpty()) {
            return em.createQuery("SELECT COUNT(c) FROM Customer c", Long.class).getSingleResult();
        }
        if (isNumberLike(t)) {
            return idsForNumber(t).size();
        }
        return em.createQuery("SELECT COUNT(c) FROM Customer c WHERE c.name LIKE :prefix", Long.class)
                .setParameter("prefix", prefix(t)).getSingleResult();
    }

    private static String normalise(String text) {
        return text == null ? "" : text.strip().replaceAll("[\\s-]", "");
    }

    private static boolean isNumberLike(String t) {
        return t.matches("\\+?\\d{3,20}") || t.toUpperCase(Locale.ROOT).matches("C\\d{1,19}");
    }

    private Set<Long> idsForNumber(String t) {
        Set<Long> ids = new TreeSet<>();
        if (t.toUpperCase(Locale.ROOT).startsWith("C")) {
            ids.addAll(em.createQuery("SELECT c.id FROM Customer c WHERE c.customerNo = :no", Long.class)
                    .setParameter("no", t.toUpperCase(Locale.ROOT)).getResultList());
            return ids;
        }
        ids.addAll(em.createQuery("SELECT c.id FROM Customer c WHERE c.mobilePhone = :phone", Long.class)
                .setParameter("phone", t).getResultList());
        ids.addAll(em.createQuery("SELECT c.id FROM Customer c WHERE c.otherPhone = :phone", Long.class)
                .setParameter("phone", t).getResultList());
        if (t.length() == 10) {
            ids.addAll(em.createQuery("SELECT a.customer.id FROM Account a WHERE a.accountNumber.value = :no", Long.class)
                    .setParameter("no", t).getResultList());
        }
        return ids;
    }

    private static String prefix(String t) {
        return t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
