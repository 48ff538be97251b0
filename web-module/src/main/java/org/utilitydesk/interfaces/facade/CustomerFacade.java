package org.utilitydesk.interfaces.facade;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.utilitydesk.application.CustomerService;
import org.utilitydesk.domain.model.customer.Account;
import org.utilitydesk.domain.model.customer.Customer;
import org.utilitydesk.domain.model.customer.PersonalData;

/** Customer look-ups for the desk and the API, converted to DTOs inside one transaction. */
@Stateless
public class CustomerFacade {

    @Inject
    private CustomerService customers;

    public Optional<CustomerView> byAccountNumber(String accountNumber) {
        return customers.findAccount(accountNumber).map(CustomerFacade::view);
    }

    /** The customer 360 of the screen-pop (masked phone and addresses). */
    public Optional<CustomerService.Overview> overview(long customerId) {
        return customers.overview(customerId);
    }

    public List<CustomerRow> search(String text, int first, int max) {
        return customers.search(text, first, max).stream().map(CustomerFacade::row).collect(Collectors.toList());
    }

    public long count(String text) {
        return customers.count(text);
    }

    private static CustomerView view(Account a) {
        Customer c = a.getCustomer();
        return new CustomerView(a.getAccountNumber().value(), c.getCustomerNo(), c.getName(), c.getType().name(), c.isVip(),
                PersonalData.maskPhone(c.getMobilePhone()), PersonalData.maskAddress(a.getSupplyAddress()),
                a.getServiceArea().getName(), a.getEnergyType().name(), a.getStatus().name(), a.getBalance());
    }

    private static CustomerRow row(Customer c) {
        List<Account> accounts = c.getAccounts();
        return new CustomerRow(c.getId(), c.getCustomerNo(), c.getName(), c.getType().name(), c.isVip(),
                PersonalData.maskPhone(c.getMobilePhone()),
                accounts.stream().map(a -> a.getAccountNumber().value()).collect(Collectors.joining(" ")),
                accounts.stream().map(a -> a.getServiceArea().getName()).distinct().collect(Collectors.joining(" ")));
    }
}
