package org.utilitydesk.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import org.utilitydesk.domain.model.customer.Account;
import org.utilitydesk.domain.model.customer.AccountNumber;
import org.utilitydesk.domain.model.customer.Customer;
import org.utilitydesk.domain.model.customer.CustomerRepository;

/** Customers and accounts through JPA. */
@ApplicationScoped
public class JpaCustomerRepository implements CustomerRepository {

    private static final String MATCH = " WHERE (:text = '' OR c.name LIKE :prefix OR c.customerNo = :text"
            + " OR c.mobilePhone = :text OR c.otherPhone = :text"
            + " OR EXISTS (SELECT a FROM Account a WHERE a.customer = c AND a.accountNumber.value = :text))";

    @PersistenceContext(unitName = "utilitydesk")
    private EntityManager em;

    @Override
    public Optional<Account> findAccount(AccountNumber number) {
        return em.createNamedQuery("Account.findByAccountNumber", Account.class)
                .setParameter("number", number)
                .getResultStream().findFirst();
    }

    @Override
    public List<Customer> findByPhone(String phone) {
        return em.createNamedQuery("Customer.findByPhone", Customer.class).setParameter("phone", phone).getResultList();
    }

    @Override
    public List<Customer> search(String text, int first, int max) {
        TypedQuery<Customer> query = em.createQuery("SELECT c FROM Customer c" + MATCH + " ORDER BY c.id", Customer.class);
        return bind(query, text).setFirstResult(first).setMaxResults(max).getResultList();
    }

    @Override
    public long count(String text) {
        return bind(em.createQuery("SELECT COUNT(c) FROM Customer c" + MATCH, Long.class), text).getSingleResult();
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, String text) {
        String t = text == null ? "" : text.strip();
        String escaped = t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return query.setParameter("text", t).setParameter("prefix", escaped + "%");
    }
}
