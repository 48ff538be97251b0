package org.utilitydesk.infrastructure.telephony;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.utilitydesk.application.CallHandling;
import org.utilitydesk.application.CallHandling.Caller;
import org.utilitydesk.domain.model.call.CallOutcome;
import org.utilitydesk.domain.model.ivr.SpokenLanguage;
import org.utilitydesk.domain.model.ivr.Utterance;

/** What one inbound call has learned so far: who calls, in which language, the path taken and how it ends. */
final class IvrCall {

    /** The utility's local time: dates and times are read to callers in it. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Q.850 cause 16, normal call clearing. */
    static final int NORMAL_CLEARING = 16;

    /** The call record's id once written (it is written while the call is answered). */
    final CompletableFuture<Long> record;
    final String callerNumber;
    final String uid;
    Caller caller;
    Instant answeredAt;
    SpokenLanguage language;
    final List<String> path = new ArrayList<>();
    CallOutcome outcome = CallOutcome.ABANDONED;
    String cause = "CALLER_HANGUP";

    IvrCall(CompletableFuture<Long> record, String callerNumber, String uid, SpokenLanguage language) {
        this.record = record;
        this.callerNumber = callerNumber;
        this.uid = uid;
        this.language = language;
    }

    void step(String step) {
        path.add(step);
    }

    long id() {
        return CallBookkeeping.await(record);
    }

    /** The call was served by the IVR itself, whatever happens after. */
    /**
     * The session ended under the call: the caller hung up (a call not yet served is abandoned), or, when {@code missed}
     * says what, Asterisk stopped answering and the call failed.
     */
    void sessionEnded(String missed) {
        if (missed != null) {
            outcome = CallOutcome.FAILED;
            cause = "NO_REPLY";
        } else {
            if (outcome != CallOutcome.SELF_SERVED && outcome != CallOutcome.ANSWERED && outcome != CallOutcome.VOICEMAIL) {
                outcome = CallOutcome.ABANDONED;
            }
            cause = "CALLER_HANGUP";
        }
    }

    void selfServed() {
        outcome = CallOutcome.SELF_SERVED;
        cause = "NORMAL";
    }

    /** Starts what the caller will hear next, in the call's language. */
    Utterance.Builder say() {
        return say(language);
    }

    /**
     * Ends the call as a person ends one, with cause 16 (normal clearing): AGI's own HANGUP leaves the cause 0
     * (unknown), which the carrier's signalling and Asterisk's records then carry.
     */
    static void hangUp(AgiChannel channel) throws AgiException {
        channel.exec("Hangup", String.valueOf(NORMAL_CLEARING));
    }

    /** Starts what a caller will hear in {@code language}, its dates read against today in the utility's zone. */
    static Utterance.Builder say(SpokenLanguage language) {
        return Utterance.in(language, LocalDate.now(ZONE));
    }

    CallHandling.CallSummary summary() {
        return new CallHandling.CallSummary(answeredAt, caller == null ? null : caller.customerId(),
                caller == null ? null : caller.accountId(), List.copyOf(path), outcome, cause);
    }
}
