package org.utilitydesk.domain.model.customer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Finds customers and accounts. */
public interface CustomerRepository {

    Optional<Account> findAccount(AccountNumber number);

    /** The accounts among {@code numbers} that exist, in one query. */
    List<Account> findAccounts(Collection<AccountNumber> numbers);

    /** Customers with this mobile or other phone, their accounts read in the same query. */
    List<Customer> findByPhone(String phone);

    /**
     * Customers whose name, customer number, phone or account number matches {@code text}, ordered by id;
     * a blank text matches everybody.
     */
    List<Customer> search(String text, int first, int max);

    long count(String text);
}
