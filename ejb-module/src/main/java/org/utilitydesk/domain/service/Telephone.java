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

    /**
     * Hangs up one channel (an agent's leg of a call: the caller's side stays with the IVR).
     *
     * @throws TelephoneUnavailableException when not connected, or the channel is gone
     */
    void hangUp(String channel);

    /**
     * Takes one channel out of whatever it is doing (a conversation) and runs the dialplan at
     * {@code exten@context} on it instead.
     *
     * @throws TelephoneUnavailableException when not connected, or the channel is gone
     */
    void redirect(String channel, String context, String exten);

    /** Whether a phone (an agent's extension) is there to ring, as far as the telephone system knows. */
    enum PhoneState {
        /** Registered and idle or in use: it can ring. */
        AVAILABLE,
        /** Not registered (unplugged, logged out, network down): ringing it is pointless. */
        UNAVAILABLE,
        /** The telephone system is not connected or does not know the extension. */
        UNKNOWN
    }

    /** Asks the telephone system now; UNKNOWN rather than an exception when it cannot tell. */
    PhoneState phoneState(String extension);

    /** The telephone system is not there or refused a request. Thrown to the caller as is, not wrapped. */
    @ApplicationException
    class TelephoneUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public TelephoneUnavailableException(String message) {
            super(message);
        }
    }
}
