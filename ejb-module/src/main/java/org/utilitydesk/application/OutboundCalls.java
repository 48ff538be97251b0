package org.utilitydesk.application;

import java.util.Optional;
import org.utilitydesk.domain.model.call.OutboundCall;

/** Places outbound calls through the telephone system and keeps track of what became of each. */
public interface OutboundCalls {

    /**
     * A call to place; the same request key always means the same call. {@code agentExtension} is the
     * extension the customer is put through to once they answer (click-to-dial, callbacks), else null.
     */
    record DialRequest(String requestKey, OutboundCall.Purpose purpose, String number, Long accountId, String requestedBy,
                       String agentExtension) {
    }

    /**
     * Records the call and asks the telephone system to place it. A request key seen before returns that
     * call and places nothing; the same key for another number, account or purpose is refused with
     * {@link RequestKeyReusedException}. If the telephone system is unavailable the call is recorded as FAILED with
     * the reason, and returned.
     */
    OutboundCall dial(DialRequest request);

    Optional<OutboundCall> find(long id);

    /**
     * Whether calls can be placed now. Work that can wait (reminder and survey calls) checks first and leaves
     * its calls for later rather than recording each as failed.
     */
    boolean available();

    /** How the telephone system reports the attempt went. */
    enum Progress { ANSWERED, NO_ANSWER, BUSY, FAILED, ENDED }

    /** The telephone system's report on the call placed under {@code channelId}; unknown ids are ignored. */
    void progressed(String channelId, Progress progress, String reason);
}
