package org.utilitydesk.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.utilitydesk.domain.model.call.CallOutcome;

/** What the telephone channel reports about a call, and what it asks of the application while the call lasts. */
public interface CallHandling {

    /** The identified caller: customer and, when the choice is clear, the account. */
    record Caller(long customerId, Long accountId, String name, String preferredLanguage) {
    }

    /**
     * Records a call (once per call uid, however often it is reported: by the telephone system's channel
     * event and again by the IVR) and returns its record id. Calls the application placed itself are
     * recorded as outbound, with the outbound call's number and account.
     */
    long callStarted(String callUid, String callerNumber, String calledNumber);

    /** The telephone system reports the call was answered (by the IVR, an agent or the called customer). */
    void callAnswered(String callUid, Instant at);

    /**
     * The telephone system reports the call's channel hung up, with its cause ("Normal Clearing"). Ends
     * the record if nothing has; a call never seen before is ignored.
     */
    void callHungUp(String callUid, String cause, Instant at);

    /**
     * The uids of the calls recorded as still going on that started in the day before {@code startedBefore}:
     * what the telephone system is asked about after its events could not be heard for a while.
     */
    List<String> callsInProgress(Instant startedBefore);

    /**
     * Identifies the caller by caller ID: a number belonging to exactly one customer identifies them, and
     * their account too if they have only one. Anything else identifies nobody (the IVR then asks).
     */
    Optional<Caller> identifyByCallerId(String callerNumber);

    /**
     * Identifies the caller by an account number they typed; empty when the number is malformed (bad
     * length or check digit) or no such account exists.
     */
    Optional<Caller> identifyByAccount(String accountNumber);

    /**
     * Opens a fault-repair work order for the caller's account from the IVR, through the same service
     * every channel uses; once per call and fault type, however often the step is repeated. Returns the
     * order number to read back.
     */
    String reportFault(long callId, long accountId, String faultType, String callerNumber);

    /** Stores a message the caller recorded, as a voicemail item with caller, account (if known) and time. */
    void voicemailLeft(long callId, Long accountId, String recordingPath, int durationSeconds);

    /**
     * What the IVR learned during the call, written once when it ends: the path taken (node codes and
     * keys), who the caller turned out to be, when the call was answered and how it ended.
     */
    record CallSummary(Instant answeredAt, Long customerId, Long accountId, List<String> path,
                       CallOutcome outcome, String cause) {
    }

    /**
     * Records what the IVR learned: the path as steps, who called, how it ended. Its outcome is kept even if
     * the hangup event came first; a second report for the same call changes nothing.
     */
    void callEnded(long callId, CallSummary summary);

    /**
     * The mobile number of a customer with one account that has a bill, whom the IVR recognises by caller ID:
     * the caller its own warm-up calls pretend to be. Empty on a database without such a customer.
     */
    Optional<String> warmUpCallerNumber();

    /** Removes the records of calls whose unique id starts with {@code uidPrefix} (the IVR's warm-up calls); how many. */
    int forgetCalls(String uidPrefix);
}
