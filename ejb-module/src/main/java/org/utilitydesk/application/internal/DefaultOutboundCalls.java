package org.utilitydesk.application.internal;

import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import org.utilitydesk.application.CallRouting;
import org.utilitydesk.application.OutboundCalls;
import org.utilitydesk.application.RequestKeyReusedException;
import org.utilitydesk.application.Surveys;
import org.utilitydesk.domain.model.call.HangupCause;
import org.utilitydesk.domain.model.call.OutboundCall;
import org.utilitydesk.domain.service.Telephone;

/** Records each outbound call before asking the telephone system for it, and follows its reports. */
@Stateless
public class DefaultOutboundCalls implements OutboundCalls {

    private static final Logger LOG = Logger.getLogger(DefaultOutboundCalls.class.getName());

    @PersistenceContext(unitName = "utilitydesk")
    private EntityManager em;

    @Inject
    private OutboundCallLedger ledger;

    @Inject
    private Telephone telephone;

    @Inject
    private Clock clock;

    @Inject
    private CallRouting routing;

    @Inject
    private Surveys surveys;

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public OutboundCall dial(DialRequest request) {
        Optional<OutboundCall> earlier = ledger.byRequestKey(request.requestKey());
        if (earlier.isPresent()) {
            return same(earlier.get(), request);
        }
        OutboundCall call;
        try {
            call = ledger.record(request);
        } catch (EJBException | jakarta.persistence.PersistenceException e) {
            // the same request arrived twice at once; the other one holds the key and places the call
            return same(ledger.byRequestKey(request.requestKey()).orElseThrow(() -> e), request);
        }
        try {
            Map<String, String> variables = new java.util.HashMap<>(
                    Map.of("UD_OUTBOUND_ID", String.valueOf(call.getId()), "UD_PURPOSE", request.purpose().name()));
            if (request.agentExtension() != null) {
                variables.put("UD_AGENT_EXTENSION", request.agentExtension());
            }
            telephone.originate(call.channelId(), request.number(), variables);
        } catch (Telephone.TelephoneUnavailableException e) {
            LOG.warning(() -> "outbound call " + call.getId() + " to " + request.number() + " not placed: " + e.getMessage());
            return ledger.failed(call.getId(), "TELEPHONE_UNAVAILABLE: " + e.getMessage());
        }
        try {
            return ledger.dialling(call.getId());
        } catch (EJBException e) {
            // the telephone system's report changed the row first; it is further along than "dialling"
            return ledger.byRequestKey(request.requestKey()).orElseThrow(() -> e);
        }
    }

    /** The call placed earlier under the request's key, if it is this request's call: a retry, not a new call. */
    private static OutboundCall same(OutboundCall earlier, DialRequest request) {
        if (earlier.getPurpose() != request.purpose() || !Objects.equals(earlier.getNumber(), request.number())
                || !Objects.equals(earlier.getAccountId(), request.accountId())) {
            throw new RequestKeyReusedException(request.requestKey());
        }
        return earlier;
    }

    @Override
    public boolean available() {
        return telephone.connected();
    }

    @Override
    public Optional<OutboundCall> find(long id) {
        return Optional.ofNullable(em.find(OutboundCall.class, id));
    }

    private static HangupCause hangupCause(String reason) {
        try {
            return reason == null ? HangupCause.UNKNOWN : HangupCause.valueOf(reason);
        } catch (IllegalArgumentException e) {
            return HangupCause.UNKNOWN;
        }
    }

    @Override
    public void progressed(String channelId, Progress progress, String reason) {
        Optional<Long> outboundId = OutboundCall.idOf(channelId);
        if (outboundId.isEmpty()) {
            return;
        }
        long id = outboundId.get();
        OutboundCall call = em.find(OutboundCall.class, id);
        if (call == null) {
            LOG.warning(() -> "ignoring report on outbound call " + id + ": no such call");
            return;
        }
        switch (progress) {
            case ANSWERED -> call.answered(clock.instant());
            case NO_ANSWER -> call.notConnected(OutboundCall.State.NO_ANSWER, reason, clock.instant());
            case BUSY -> call.notConnected(OutboundCall.State.BUSY, reason, clock.instant());
            case FAILED -> call.notConnected(OutboundCall.State.FAILED, reason, clock.instant());
            case ENDED -> call.hungUp(hangupCause(reason), clock.instant());
        }
        if (call.getPurpose() == OutboundCall.Purpose.CALLBACK) {
            routing.callbackProgressed(id, progress);
        }
        if (call.getPurpose() == OutboundCall.Purpose.SURVEY && progress != Progress.ANSWERED) {
            // not reached, or hung up before scoring: an answered survey is left as it is
            surveys.unreached(id, progress == Progress.ENDED ? "HUNG_UP" : progress.name());
        }
    }
}
