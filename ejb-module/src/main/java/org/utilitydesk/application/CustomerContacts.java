package org.utilitydesk.application;

import java.time.Instant;
import java.util.List;
import org.utilitydesk.domain.model.customer.ContactChannel;
import org.utilitydesk.domain.model.workorder.Priority;
import org.utilitydesk.domain.model.workorder.WorkOrderType;

/**
 * A customer's contacts outside an ACD call, recorded by staff from the customer's page, and the customer's whole
 * contact history across channels (calls in and out, contacts recorded here, orders the customer opened themselves).
 */
public interface CustomerContacts {

    /**
     * Records a contact and, in the same transaction, opens the work order it asks for or adds its summary to one of the
     * customer's open orders (an order waiting on the customer runs again: they answered). A request key seen before
     * returns the earlier contact; the same key with a different contact is refused with
     * {@link RequestKeyReusedException}. Refused with {@code ContactRefusedException} for an unknown customer, an
     * empty or too long summary, an account or order that is not this customer's, or a closed order.
     */
    Recorded record(ContactRequest request, String actor);

    /** The customer's contacts of every channel, newest first. */
    List<HistoryLine> history(long customerId, int first, int max);

    long historySize(long customerId);

    /**
     * A contact as the page submits it. At most one of {@code newOrder} and {@code noteOrderNo}; {@code orderNote} is
     * what the order's history says (the summary with where it came from, in the agent's language).
     */
    record ContactRequest(String requestKey, long customerId, ContactChannel channel, String summary, NewOrder newOrder,
                          String noteOrderNo, String orderNote) {
    }

    /** The work order a contact opens, on one of the customer's accounts (or none). */
    record NewOrder(WorkOrderType type, Priority priority, String accountNumber, String subject, String description) {
    }

    /** The contact as stored and the order it opened or added to, if any. */
    record Recorded(long contactId, String orderNo, String orderOutcome, boolean repeated) {
    }

    /**
     * One contact: when, by which channel ({@code CALL_IN}, {@code CALL_OUT}, a {@link ContactChannel}, or the channel
     * the customer opened an order through: {@code PORTAL}, {@code SMS}, {@code API}, {@code IVR}), what was said, who
     * took it, the order it concerned (OPENED or NOTED), and for calls their outcome and disposition.
     */
    record HistoryLine(Instant at, String channel, String summary, String by, String orderNo, String orderOutcome,
                       String callOutcome, String disposition) {
    }
}
