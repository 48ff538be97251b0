package org.utilitydesk.domain.model.call;

/**
 * Why a call ended, in words a supervisor reads and a report groups by, from the Q.850 cause the telephone system
 * reports (Asterisk's HANGUPCAUSE): 16 normal clearing, 17 busy, 19 no answer, 1 unallocated number, ...
 */
public enum HangupCause {
    /** A party hung up (16, 31). */
    NORMAL,
    /** The called party was busy (17). */
    BUSY,
    /** Rang without an answer, or the phone did not respond (18, 19). */
    NO_ANSWER,
    /** No such number, or one in a wrong format (1, 22, 28). */
    NO_SUCH_NUMBER,
    /** The called party refused the call (21). */
    REJECTED,
    /** The number could not be reached: switched off, out of service, no route, congestion (3, 20, 27, 34, 38, 41, 42, 44). */
    UNREACHABLE,
    /** Any other failure the network reported. */
    FAILED,
    /** No cause given (0). */
    UNKNOWN,
    /**
     * The call ended while the application was not connected to the telephone system (its manager link was
     * down): that it ended is known, not when or how. Its end time is when the application found out.
     */
    UNOBSERVED;

    public static HangupCause fromQ850(int cause) {
        return switch (cause) {
            case 0 -> UNKNOWN;
            case 16, 31 -> NORMAL;
            case 17 -> BUSY;
            case 18, 19 -> NO_ANSWER;
            case 1, 22, 28 -> NO_SUCH_NUMBER;
            case 21 -> REJECTED;
            case 3, 20, 27, 34, 38, 41, 42, 44 -> UNREACHABLE;
            default -> FAILED;
        };
    }

    /** The way an outbound call that never connected failed, as its state says it. */
    public OutboundCall.State notConnectedState() {
        return switch (this) {
            case BUSY -> OutboundCall.State.BUSY;
            case NO_ANSWER -> OutboundCall.State.NO_ANSWER;
            default -> OutboundCall.State.FAILED;
        };
    }
}
