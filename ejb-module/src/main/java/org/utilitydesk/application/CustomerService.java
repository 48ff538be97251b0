package org.utilitydesk.application;

import java.util.List;
import java.util.Optional;
import org.utilitydesk.domain.model.customer.Account;
import org.utilitydesk.domain.model.customer.Customer;

/** Looking customers up, by account number, phone or free text. */
public interface CustomerService {

    /** The account with this number; throws InvalidAccountNumberException for malformed input. */
    Optional<Account> findAccount(String accountNumber);

    List<Customer> search(String text, int first, int max);

    long count(String text);
}
