package org.utilitydesk.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.utilitydesk.application.CustomerService;
import org.utilitydesk.domain.model.customer.Account;
import org.utilitydesk.domain.model.customer.AccountNumber;
import org.utilitydesk.domain.model.customer.Customer;
import org.utilitydesk.domain.model.customer.CustomerRepository;

/** Customer look-ups over the repository. */
@Stateless
public class DefaultCustomerService implements CustomerService {

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
    public List<Customer> search(String text, int first, int max) {
        return customers.search(text, Math.max(0, first), Math.min(Math.max(1, max), 200));
    }

    @Override
    public long count(String text) {
        return customers.count(text);
    }
}
