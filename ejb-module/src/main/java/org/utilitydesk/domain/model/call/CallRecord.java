package org.utilitydesk.domain.model.call;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The record of one call: caller, times, the customer identified, the path through the IVR and how it
 * ended. Times only move forward and a call ends once: a later report (the IVR's summary after the hangup
 * event, or a repeated event) fills in what is still unknown but never moves the end.
 */
@Entity
@Table(name = "call_record")
@NamedQuery(name = "CallRecord.findByUid", query = "SELECT c FROM CallRecord c WHERE c.callUid = :uid")
public class CallRecord {

    private static final int MAX_PATH = 255;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "call_uid", nullable = false, length = 64)
    private String callUid;

    @Column(nullable = false, length = 8)
    private String direction;

    @Column(name = "caller_number", length = 32)
    private String callerNumber;

    @Column(name = "called_number", length = 32)
    private String calledNumber;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "hangup_cause", length = 32)
    private String hangupCause;

    @Column(length = 24)
    private String outcome;

    @Column(name = "ivr_path", length = MAX_PATH)
    private String ivrPath;

    protected CallRecord() {
    }

    /** An inbound call as it reaches the application. */
    public static CallRecord inbound(String callUid, String callerNumber, String calledNumber, Instant at) {
        return of("INBOUND", callUid, callerNumber, calledNumber, at);
    }

    /** A call the application placed: from the number it presents (the hotline's), to the customer's. */
    public static CallRecord outbound(String callUid, String callerNumber, String calledNumber, Long accountId, Instant at) {
        CallRecord call = of("OUTBOUND", callUid, callerNumber, calledNumber, at);
        call.accountId = accountId;
        return call;
    }

    private static CallRecord of(String direction, String callUid, String callerNumber, String calledNumber, Instant at) {
        CallRecord call = new CallRecord();
        call.callUid = callUid;
        call.direction = direction;
        call.callerNumber = truncate(callerNumber, 32);
        call.calledNumber = truncate(calledNumber, 32);
        call.startedAt = at;
        return call;
    }

    public void answered(Instant at) {
        if (answeredAt == null && endedAt == null) {
            answeredAt = at;
        }
    }

    public void identified(long customerId, Long accountId) {
        this.customerId = customerId;
        this.accountId = accountId;
    }

    /** Appends a step of the IVR path ("MAIN>BILL>1"), keeping the most recent steps if it grows long. */
    public void stepped(String step) {
        String next = ivrPath == null || ivrPath.isEmpty() ? step : ivrPath + ">" + step;
        ivrPath = next.length() <= MAX_PATH ? next : "…" + next.substring(next.length() - MAX_PATH + 1);
    }

    /**
     * The telephone system reports the call's channel hung up. This ends the call if nothing else did; its
     * outcome is a first guess (answered or abandoned) that what served the call (the IVR, an agent) may
     * correct when it reports.
     */
    public void hungUp(String cause, Instant at) {
        if (hangupCause == null) {
            hangupCause = truncate(cause, 32);
        }
        if (endedAt == null) {
            endedAt = at.isBefore(startedAt) ? startedAt : at;
        }
        if (outcome == null) {
            outcome = (answeredAt != null ? CallOutcome.ANSWERED : CallOutcome.ABANDONED).name();
        }
    }

    /**
     * What the IVR learned, reported once when its part of the call is over: its outcome replaces any
     * guess made from a hangup event, and the call ends now if no hangup event ended it yet.
     */
    public void servedByIvr(CallOutcome how, String cause, Instant at) {
        outcome = how.name();
        if (endedAt == null) {
            endedAt = at.isBefore(startedAt) ? startedAt : at;
            hangupCause = truncate(cause, 32);
        }
    }

    public boolean isOutbound() {
        return "OUTBOUND".equals(direction);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public String getCallUid() {
        return callUid;
    }

    public String getDirection() {
        return direction;
    }

    public String getCalledNumber() {
        return calledNumber;
    }

    public String getCallerNumber() {
        return callerNumber;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public Long getAccountId() {
        return accountId;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getIvrPath() {
        return ivrPath;
    }
}
