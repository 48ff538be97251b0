package org.utilitydesk.application;

import java.util.List;
import java.util.Optional;
import org.utilitydesk.domain.model.workorder.Channel;
import org.utilitydesk.domain.model.workorder.WorkOrder;
import org.utilitydesk.domain.model.workorder.WorkOrderRequest;

/** Opening and finding work orders; the one way every channel creates them. */
public interface WorkOrderService {

    /**
     * Opens a work order and announces it for routing in the same transaction: if the transaction rolls
     * back, neither the order nor the message exists. A request key seen before returns the earlier order; the
     * same key with a different request is refused with {@link RequestKeyReusedException}.
     */
    WorkOrder open(WorkOrderRequest request, String actor);

    /**
     * Opens several work orders in one transaction, each announced for routing as {@link #open} does: all are
     * stored or none. For channels that submit in bulk (a meter-alarm feed in a storm, an SMS gateway's queue).
     * Returns the orders in the requests' order; a request key seen before, or twice in the same call, gives
     * the earlier order, or refuses the whole call with {@link RequestKeyReusedException} if the requests differ.
     */
    List<WorkOrder> openAll(List<WorkOrderRequest> requests, String actor);

    Optional<WorkOrder> findByOrderNo(String orderNo);

    /** The six digits a caller hears for the order and keys in to ask about it; given now if it has none yet. */
    Optional<String> phoneReference(String orderNo);

    /**
     * The open order a caller asks about by its phone reference: only if it is theirs, by the number they call
     * from (the order's contact phone) or because caller ID identified them as the order's customer.
     */
    Optional<WorkOrder> findForCaller(String phoneReference, String callerNumber, Long callerCustomerId);

    /** What a person can do to an order; each is recorded with who, when, the note and the channel. */
    enum Action {
        /** Work begins (the crew is on its way). */
        START,
        RESOLVE,
        CLOSE,
        /** Back to work after resolving; needs a note. */
        REOPEN,
        /** Needs a note. */
        CANCEL,
        ESCALATE,
        /** Needs a note. */
        NOTE,
        /** Waiting on the customer: the SLA clock pauses. */
        AWAIT_CUSTOMER,
        /** The customer answered: the SLA clock runs again. */
        CUSTOMER_RESPONDED
    }

    /**
     * Does {@code action} to the order. Refused with {@code IllegalTransitionException} when the order's
     * state does not allow it and {@code MissingNoteException} when it needs a note; empty if there is no
     * such order. The customer is told when their order is resolved; a supervisor when it is escalated.
     */
    Optional<WorkOrder> act(String orderNo, Action action, String note, String actor, Channel via);
}
