package org.utilitydesk.domain.service;

import jakarta.ejb.ApplicationException;
import java.util.Map;

/** What the application asks of the telephone system. Implemented by the telephony adapter. */
public interface Telephone {

    /**
     * Asks the telephone system to ring {@code number} and, once answered, run the outbound dialplan
     * with these variables. Returns as soon as the request is accepted; how the call goes is reported
     * later (to {@code OutboundCalls}) under {@code channelId}.
     *
     * @throws TelephoneUnavailableException when the telephone system is not connected or refuses the request
     */
    void originate(String channelId, String number, Map<String, String> variables);

    /** Whether the telephone system is connected now (an originate may still be refused). */
    boolean connected();

    /** The telephone system is not there or refused a request. Thrown to the caller as is, not wrapped. */
    @ApplicationException
    class TelephoneUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public TelephoneUnavailableException(String message) {
            super(message);
        }
    }
}
