package org.utilitydesk.interfaces.facade;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.utilitydesk.application.CallRouting;
import org.utilitydesk.application.CustomerService;
import org.utilitydesk.application.OutboundCalls;
import org.utilitydesk.domain.model.call.OutboundCall;
import org.utilitydesk.domain.model.customer.Account;

/** Click-to-dial for the desk and the API. */
@Stateless
public class CallFacade {

    @Inject
    private OutboundCalls outbound;

    @Inject
    private CustomerService customers;

    @Inject
    private CallRouting routing;

    /**
     * Places the call. A request key (the desk sends one per click) makes a repeated request the same call;
     * the key is scoped to the user so two agents cannot collide.
     */
    public OutboundCallView dial(NewOutboundCall request, String actor) {
        Long accountId = null;
        if (request.accountNumber() != null) {
            Account account = customers.findAccount(request.accountNumber())
                    .orElseThrow(() -> new WorkOrderFacade.UnknownAccountException(request.accountNumber()));
            accountId = account.getId();
        }
        String key = "dial:" + actor + ":" + (request.requestKey() == null || request.requestKey().isBlank()
                ? UUID.randomUUID() : request.requestKey());
        return view(outbound.dial(new OutboundCalls.DialRequest(key.length() <= 64 ? key : key.substring(0, 64),
                OutboundCall.Purpose.CLICK_TO_DIAL, request.number(), accountId, actor, routing.extensionOf(actor).orElse(null))));
    }

    /**
     * Calls a customer back from the desk: the number is looked up here and never reaches the page. Empty if
     * the customer has no number on record.
     */
    public Optional<OutboundCallView> dialCustomer(long customerId, String requestKey, String actor) {
        return customers.numberToDial(customerId).map(number -> dial(new NewOutboundCall(number, null, requestKey), actor));
    }

    public Optional<OutboundCallView> find(long id) {
        return outbound.find(id).map(CallFacade::view);
    }

    private static OutboundCallView view(OutboundCall c) {
        return new OutboundCallView(c.getId(), c.getPurpose().name(), c.getNumber(), c.getState().name(), c.getReason(),
                c.getRequestedBy(), c.getRequestedAt(), c.getAnsweredAt(), c.getEndedAt());
    }
}
