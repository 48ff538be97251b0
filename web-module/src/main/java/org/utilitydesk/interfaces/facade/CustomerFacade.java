package org.utilitydesk.interfaces.facade;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.utilitydesk.application.CustomerContacts;
import org.utilitydesk.application.CustomerService;
import org.utilitydesk.domain.model.customer.Account;
import org.utilitydesk.domain.model.customer.Customer;
import org.utilitydesk.domain.model.customer.PersonalData;

/** Customer look-ups for the desk and the API, converted to DTOs inside one transaction. */
@Stateless
public class CustomerFacade {

    @Inject
    private CustomerService customers;

    @Inject
    private CustomerContacts contacts;

    public Optional<CustomerView> byAccountNumber(String accountNumber) {
        return customers.findAccount(accountNumber).map(CustomerFacade::view);
    }

    /** The customer 360 of the screen-pop (masked phone and addresses). */
    public Optional<CustomerService.Overview> overview(long customerId) {
        return customers.overview(customerId);
    }

    /** The customer's open orders, newest first, a page at a time. */
    public List<CustomerService.OrderLine> openOrders(long customerId, int first, int max) {
        return customers.openOrders(customerId, first, max);
    }

    public long openOrderCount(long customerId) {
        return customers.openOrderCount(customerId);
    }

    /** The customer's contacts of every channel, newest first, a page at a time. */
    public List<CustomerContacts.HistoryLine> history(long customerId, int first, int max) {
        return contacts.history(customerId, first, max);
    }

    public long historySize(long customerId) {
        return contacts.historySize(customerId);
    }

    /** Records a contact and opens or notes the order it asks for, all or nothing (see {@link CustomerContacts#record}). */
    public CustomerContacts.Recorded record(CustomerContacts.ContactRequest request, String actor) {
        return contacts.record(request, actor);
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
