package org.utilitydesk.interfaces.desk;

import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;
import org.utilitydesk.application.CustomerContacts;
import org.utilitydesk.application.CustomerContacts.HistoryLine;
import org.utilitydesk.application.CustomerService;
import org.utilitydesk.application.CustomerService.OrderLine;
import org.utilitydesk.application.RequestKeyReusedException;
import org.utilitydesk.domain.model.customer.ContactChannel;
import org.utilitydesk.domain.model.customer.ContactRefusedException;
import org.utilitydesk.domain.model.workorder.WorkOrderType;
import org.utilitydesk.interfaces.facade.CustomerFacade;

/**
 * A customer's page, opened from anywhere a customer is shown, with or without a call: the 360, all their open orders
 * and contacts of every channel a page at a time, and a form to record a contact (someone at the counter, an e-mail, a
 * letter, a callback) that opens a work order or adds to one of theirs.
 */
@Named
@ViewScoped
public class CustomerCase implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(CustomerCase.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the recorded contact does to a work order. */
    public enum OrderChoice {
        NONE, NEW, NOTE
    }

    @Inject
    private CustomerFacade customers;

    @Inject
    private CurrentUser currentUser;

    private String id;
    private boolean missing;
    private CustomerService.Overview customer;
    private final PagedRows<OrderLine> orders = new PagedRows<>(
            (first, size) -> customers.openOrders(customer.customerId(), first, size),
            () -> customers.openOrderCount(customer.customerId()), OrderLine::orderNo);
    private final PagedRows<HistoryLine> contacts = new PagedRows<>(
            (first, size) -> customers.history(customer.customerId(), first, size),
            () -> customers.historySize(customer.customerId()), line -> line.channel() + line.at() + line.orderNo());

    private ContactChannel channel = ContactChannel.WALK_IN;
    private String summary;
    private OrderChoice orderChoice = OrderChoice.NONE;
    private final OrderForm order = new OrderForm(WorkOrderType.INQUIRY);
    private String noteOrderNo;
    /** The open orders the form offers, read once per change. */
    private List<OrderLine> notableOrders;

    /** This page's own part of every request key, and the form as last submitted with the key it was given. */
    private final String pageKey = HexFormat.of().formatHex(randomBytes());
    private int submitted;
    private String lastForm;

    /** Loads the customer named in the address ({@code ?id=…}). */
    public void load() {
        customer = null;
        missing = true;
        if (id != null && id.strip().matches("\\d{1,18}")) {
            customer = customers.overview(Long.parseLong(id.strip())).orElse(null);
        }
        if (customer == null) {
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(id == null || id.isBlank() ? 400 : 404);
            return;
        }
        missing = false;
        order.clear(customer);
        noteOrderNo = customer.openOrders().isEmpty() ? null : customer.openOrders().get(0).orderNo();
    }

    /**
     * Records the contact with the order it asks for, all or nothing. The same form submitted twice (a double click, a
     * resent request) carries the same request key and is recorded once.
     */
    public void record() {
        if (customer == null) {
            return;
        }
        if (summary == null || summary.isBlank()) {
            FacesText.message(FacesMessage.SEVERITY_WARN, "contact.refused.SUMMARY_REQUIRED");
            return;
        }
        CustomerContacts.NewOrder newOrder = orderChoice == OrderChoice.NEW ? new CustomerContacts.NewOrder(order.getType(), null,
                order.getAccountNumber(), order.getSubject(), order.getDescription()) : null;
        String noted = orderChoice == OrderChoice.NOTE ? noteOrderNo : null;
        if (orderChoice == OrderChoice.NOTE && (noted == null || noted.isBlank())) {
            FacesText.message(FacesMessage.SEVERITY_WARN, "desk.updateOrderChoose");
            return;
        }
        String form = String.join("\n", channel.name(), summary.strip(), orderChoice.name(), Objects.toString(newOrder),
                Objects.toString(noted));
        if (!form.equals(lastForm)) {
            submitted++;
            lastForm = form;
        }
        String key = "contact-" + pageKey + "-" + submitted;
        String orderNote = FacesText.text("contact.orderNote", FacesText.label("contactChannel.", channel.name())) + " "
                + summary.strip();
        try {
            CustomerContacts.Recorded recorded = customers.record(new CustomerContacts.ContactRequest(key,
                    customer.customerId(), channel, summary, newOrder, noted, orderNote), currentUser.getUser());
            if (recorded.orderNo() == null) {
                FacesText.message(FacesMessage.SEVERITY_INFO, "contact.recorded");
            } else {
                FacesText.message(FacesMessage.SEVERITY_INFO, "contact.recorded." + recorded.orderOutcome(), recorded.orderNo());
            }
            customer = customers.overview(customer.customerId()).orElse(customer);
            notableOrders = null;
            summary = null;
            orderChoice = OrderChoice.NONE;
            order.clear(customer);
        } catch (RuntimeException e) {
            refused(e, noted);
        }
    }

    private void refused(RuntimeException e, String noted) {
        Throwable cause = e;
        while (cause instanceof EJBException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ContactRefusedException r) {
            FacesText.message(FacesMessage.SEVERITY_WARN, "contact.refused." + r.reason().name());
        } else if (cause instanceof RequestKeyReusedException) {
            // the page's key was used for another contact: a new key for what the person submits next
            lastForm = null;
            FacesText.message(FacesMessage.SEVERITY_WARN, "contact.refused.REPEATED");
        } else if (noted != null) {
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    WorkOrderRefusals.explain(e, "NOTE", noted, FacesText.bundle()), null));
        } else {
            LOG.warning(() -> "contact with customer " + customer.customerNo() + " not recorded: " + e);
            FacesText.message(FacesMessage.SEVERITY_ERROR, "contact.failed");
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Why there is no customer to show, in the page's language; null when there is one. */
    public String getProblem() {
        return missing ? FacesText.text(id == null || id.isBlank() ? "customer.missing" : "customer.notFound") : null;
    }

    public ContactChannel[] getChannels() {
        return ContactChannel.values();
    }

    public OrderChoice[] getOrderChoices() {
        return OrderChoice.values();
    }

    /** The open orders a contact can add to (the newest fifty; the list below has them all). */
    public List<OrderLine> getNotableOrders() {
        if (notableOrders == null) {
            notableOrders = customer == null ? List.of() : customers.openOrders(customer.customerId(), 0, 50);
        }
        return notableOrders;
    }

    public CustomerService.Overview getCustomer() {
        return customer;
    }

    public PagedRows<OrderLine> getOrders() {
        return orders;
    }

    public PagedRows<HistoryLine> getContacts() {
        return contacts;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public ContactChannel getChannel() {
        return channel;
    }

    public void setChannel(ContactChannel channel) {
        this.channel = channel == null ? ContactChannel.WALK_IN : channel;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public OrderChoice getOrderChoice() {
        return orderChoice;
    }

    public void setOrderChoice(OrderChoice orderChoice) {
        this.orderChoice = orderChoice == null ? OrderChoice.NONE : orderChoice;
    }

    public OrderForm getOrder() {
        return order;
    }

    public String getNoteOrderNo() {
        return noteOrderNo;
    }

    public void setNoteOrderNo(String noteOrderNo) {
        this.noteOrderNo = noteOrderNo;
    }
}
