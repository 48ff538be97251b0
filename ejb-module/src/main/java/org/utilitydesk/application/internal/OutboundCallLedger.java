package org.utilitydesk.application.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import org.utilitydesk.application.OutboundCalls.DialRequest;
import org.utilitydesk.domain.model.call.OutboundCall;

/**
 * The outbound-call rows, each change in its own committed transaction: the row must exist before the
 * telephone system is asked, because its report can come back at once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboundCallLedger {

    @PersistenceContext(unitName = "utilitydesk")
    private EntityManager em;

    @Inject
    private Clock clock;

    /** A new REQUESTED call, or empty if the request key is taken (the caller then looks it up). */
    public OutboundCall record(DialRequest request) {
        OutboundCall call = new OutboundCall(request.requestKey(), request.purpose(), request.number(), request.accountId(),
                request.requestedBy(), clock.instant());
        em.persist(call);
        em.flush();
        return call;
    }

    public Optional<OutboundCall> byRequestKey(String key) {
        return em.createNamedQuery("OutboundCall.findByRequestKey", OutboundCall.class).setParameter("key", key)
                .getResultStream().findFirst();
    }

    public OutboundCall dialling(long id) {
        OutboundCall call = em.find(OutboundCall.class, id);
        call.dialling();
        return call;
    }

    public OutboundCall failed(long id, String reason) {
        OutboundCall call = em.find(OutboundCall.class, id);
        call.notConnected(OutboundCall.State.FAILED, reason, clock.instant());
        return call;
    }
}
