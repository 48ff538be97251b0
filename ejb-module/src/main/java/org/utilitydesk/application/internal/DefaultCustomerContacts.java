package org.utilitydesk.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.utilitydesk.application.CustomerContacts;
import org.utilitydesk.application.RequestKeyReusedException;
import org.utilitydesk.application.WorkOrderService;
import org.utilitydesk.domain.model.customer.Account;
import org.utilitydesk.domain.model.customer.ContactRefusedException;
import org.utilitydesk.domain.model.customer.ContactRefusedException.Reason;
import org.utilitydesk.domain.model.customer.Customer;
import org.utilitydesk.domain.model.customer.CustomerContact;
import org.utilitydesk.domain.model.workorder.Channel;
import org.utilitydesk.domain.model.workorder.Priority;
import org.utilitydesk.domain.model.workorder.SlaStatus;
import org.utilitydesk.domain.model.workorder.WorkOrder;
import org.utilitydesk.domain.model.workorder.WorkOrderRequest;
import org.utilitydesk.domain.model.workorder.WorkOrderState;

/** Contacts recorded from the customer's page, with the order each opens or notes, and the history across channels. */
@Stateless
public class DefaultCustomerContacts implements CustomerContacts {

    private static final Logger LOG = Logger.getLogger(DefaultCustomerContacts.class.getName());

    /**
     * Every channel in one list: calls (in and out, with the agent's number), contacts recorded by staff, and the orders
     * customers opened themselves (orders opened at the desk are part of a call or a contact already).
     */
    private static final String HISTORY = " FROM ("
            + " SELECT k.started_at AS at, CASE WHEN k.direction = 'OUTBOUND' THEN 'CALL_OUT' ELSE 'CALL_IN' END AS channel,"
            + " k.notes AS summary, g.agent_no AS actor, NULL AS order_no, NULL AS order_outcome, k.outcome AS call_outcome,"
            + " k.disposition_code AS disposition, k.id AS id FROM call_record k LEFT JOIN agent g ON g.id = k.agent_id"
            + " WHERE k.customer_id = ?1"
            + " UNION ALL SELECT c.created_at, c.channel, c.summary, c.created_by, c.work_order_no, c.order_outcome, NULL, NULL, c.id"
            + " FROM customer_contact c WHERE c.customer_id = ?2"
            + " UNION ALL SELECT w.created_at, w.channel, w.subject, w.created_by, w.order_no, 'OPENED', NULL, NULL, w.id"
            + " FROM work_order w WHERE w.customer_id = ?3 AND w.channel IN ('PORTAL', 'SMS', 'API', 'IVR')"
            + ") h";

    @PersistenceContext(unitName = "utilitydesk")
    private EntityManager em;

    private WorkOrderService workOrders;
    private Clock clock;

    protected DefaultCustomerContacts() {
    }

    @Inject
    public DefaultCustomerContacts(WorkOrderService workOrders, Clock clock) {
        this.workOrders = workOrders;
        this.clock = clock;
    }

    @Override
    public Recorded record(ContactRequest request, String actor) {
        List<CustomerContact> earlier = em.createQuery("SELECT c FROM CustomerContact c WHERE c.requestKey = :key",
                CustomerContact.class).setParameter("key", request.requestKey()).getResultList();
        if (!earlier.isEmpty()) {
            CustomerContact contact = earlier.get(0);
            if (!contact.sameAs(request.customerId(), request.channel(), request.summary())) {
                throw new RequestKeyReusedException(request.requestKey());
            }
            return recorded(contact, true);
        }
        Customer customer = em.find(Customer.class, request.customerId());
        if (customer == null) {
            throw new ContactRefusedException(Reason.NO_CUSTOMER, "customer " + request.customerId());
        }
        CustomerContact contact = new CustomerContact(request.requestKey(), customer.getId(), request.channel(),
                request.summary(), clock.instant(), actor);
        if (request.newOrder() != null) {
            WorkOrder order = workOrders.open(orderRequest(request, customer), actor);
            contact.concerns(order.getOrderNo(), CustomerContact.OrderOutcome.OPENED);
        } else if (request.noteOrderNo() != null) {
            note(request, customer, actor);
            contact.concerns(request.noteOrderNo(), CustomerContact.OrderOutcome.NOTED);
        }
        em.persist(contact);
        em.flush();
        LOG.info(() -> "contact " + contact.getId() + " (" + contact.getChannel() + ") with customer " + customer.getCustomerNo()
                + " recorded by " + actor + (contact.getWorkOrderNo() == null ? ""
                : ", " + contact.getOrderOutcome() + " " + contact.getWorkOrderNo()));
        return recorded(contact, false);
    }

    private static Recorded recorded(CustomerContact contact, boolean repeated) {
        return new Recorded(contact.getId(), contact.getWorkOrderNo(),
                contact.getOrderOutcome() == null ? null : contact.getOrderOutcome().name(), repeated);
    }

    private WorkOrderRequest orderRequest(ContactRequest request, Customer customer) {
        NewOrder order = request.newOrder();
        if (order.subject() == null || order.subject().isBlank()) {
            throw new ContactRefusedException(Reason.ORDER_SUBJECT_REQUIRED, "no subject");
        }
        Account account = null;
        if (order.accountNumber() != null && !order.accountNumber().isBlank()) {
            account = customer.getAccounts().stream().filter(a -> a.getAccountNumber().value().equals(order.accountNumber().strip()))
                    .findFirst().orElseThrow(() -> new ContactRefusedException(Reason.ACCOUNT_NOT_THEIRS,
                            "account " + order.accountNumber() + " of customer " + customer.getCustomerNo()));
        }
        return new WorkOrderRequest(request.requestKey(), order.type(), order.priority() == null ? Priority.NORMAL : order.priority(),
                Channel.DESK, customer.getId(), account == null ? null : account.getId(),
                account == null ? null : account.getServiceArea().getId(), order.subject().strip(), order.description(),
                account == null ? null : account.getSupplyAddress(), customer.getMobilePhone());
    }

    /** Adds the contact to one of the customer's open orders; one waiting on the customer runs again. */
    private void note(ContactRequest request, Customer customer, String actor) {
        WorkOrder order = workOrders.findByOrderNo(request.noteOrderNo())
                .filter(o -> customer.getId().equals(o.getCustomerId()))
                .orElseThrow(() -> new ContactRefusedException(Reason.ORDER_NOT_THEIRS,
                        "order " + request.noteOrderNo() + " of customer " + customer.getCustomerNo()));
        if (order.getState() == WorkOrderState.CLOSED || order.getState() == WorkOrderState.CANCELLED) {
            throw new ContactRefusedException(Reason.ORDER_CLOSED, "order " + order.getOrderNo() + " is " + order.getState());
        }
        WorkOrderService.Action action = order.slaStatus(clock.instant()) == SlaStatus.PAUSED
                ? WorkOrderService.Action.CUSTOMER_RESPONDED : WorkOrderService.Action.NOTE;
        String note = request.orderNote() == null || request.orderNote().isBlank()
                ? CustomerContact.checkedSummary(request.summary()) : request.orderNote().strip();
        workOrders.act(order.getOrderNo(), action, note, actor, Channel.DESK);
    }

    @Override
    public List<HistoryLine> history(long customerId, int first, int max) {
        List<HistoryLine> lines = new ArrayList<>();
        for (Object row : em.createNativeQuery("SELECT at, channel, summary, actor, order_no, order_outcome, call_outcome,"
                        + " disposition" + HISTORY + " ORDER BY at DESC, id DESC")
                .setParameter(1, customerId).setParameter(2, customerId).setParameter(3, customerId).setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(max, 200)))
                .getResultList()) {
            Object[] h = (Object[]) row;
            lines.add(new HistoryLine(SqlValues.instant(h[0]), (String) h[1], (String) h[2], (String) h[3], (String) h[4],
                    (String) h[5], (String) h[6], (String) h[7]));
        }
        return lines;
    }

    @Override
    public long historySize(long customerId) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*)" + HISTORY).setParameter(1, customerId)
                .setParameter(2, customerId).setParameter(3, customerId).getSingleResult())
                .longValue();
    }
}
