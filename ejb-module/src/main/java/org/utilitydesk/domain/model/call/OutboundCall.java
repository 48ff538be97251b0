package org.utilitydesk.domain.model.call;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/**
 * A call the application asked the telephone system to place, and what became of it. Its state only
 * moves forward: a late or repeated report from the telephone system never turns an ended call back.
 */
@Entity
@Table(name = "outbound_call")
@NamedQuery(name = "OutboundCall.findByRequestKey", query = "SELECT o FROM OutboundCall o WHERE o.requestKey = :key")
@NamedQuery(name = "OutboundCall.findByCallUid", query = "SELECT o FROM OutboundCall o WHERE o.callUid = :uid")
public class OutboundCall {

    /** Why the application places a call. */
    /** CLICK_TO_DIAL and CALLBACK connect the customer to an agent's extension once they answer. */
    public enum Purpose { CLICK_TO_DIAL, CALLBACK, REMINDER, SURVEY }

    public enum State {
        REQUESTED, DIALLING, ANSWERED, NO_ANSWER, BUSY, FAILED;

        boolean isFinal() {
            return this == NO_ANSWER || this == BUSY || this == FAILED;
        }
    }

    /** What a failed originate says before the channel's hang-up cause tells more. */
    public static final String GENERIC_FAILURE = "FAILED";

    /** Prefix of the channel ids the application gives Asterisk, so its events tell outbound calls apart. */
    public static final String CHANNEL_ID_PREFIX = "udout-";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "request_key", nullable = false, length = 64)
    private String requestKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Purpose purpose;

    @Column(nullable = false, length = 32)
    private String number;

    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "requested_by", nullable = false, length = 64)
    private String requestedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state;

    @Column(length = 64)
    private String reason;

    @Column(name = "call_uid", length = 64)
    private String callUid;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Version
    private int version;

    protected OutboundCall() {
    }

    public OutboundCall(String requestKey, Purpose purpose, String number, Long accountId, String requestedBy, Instant at) {
        this.requestKey = requestKey;
        this.purpose = purpose;
        this.number = number;
        this.accountId = accountId;
        this.requestedBy = requestedBy;
        this.state = State.REQUESTED;
        this.requestedAt = at;
    }

    /** The channel id the telephone system is told to give the call, known before it exists. */
    public String channelId() {
        return CHANNEL_ID_PREFIX + id;
    }

    /** The id of the outbound call a channel id names, if it names one ("udout-42" → 42). */
    public static Optional<Long> idOf(String channelId) {
        if (channelId == null || !channelId.startsWith(CHANNEL_ID_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(channelId.substring(CHANNEL_ID_PREFIX.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The telephone system accepted the request and is ringing the number. */
    public void dialling() {
        callUid = channelId();
        if (state == State.REQUESTED) {
            state = State.DIALLING;
        }
    }

    public void answered(Instant at) {
        callUid = channelId();
        if (state == State.REQUESTED || state == State.DIALLING) {
            state = State.ANSWERED;
            answeredAt = at;
        }
    }

    /** The call could not be connected; {@code why} says how (NO_ANSWER, BUSY or FAILED). */
    public void notConnected(State why, String reason, Instant at) {
        if (!why.isFinal()) {
            throw new IllegalArgumentException(why + " is not a way for a call to fail");
        }
        if (state == State.REQUESTED || state == State.DIALLING) {
            state = why;
            this.reason = reason == null || reason.length() <= 64 ? reason : reason.substring(0, 64);
            endedAt = at;
        }
    }

    /**
     * The call's channel hung up with {@code cause}. A call that never connected failed that way (busy, no
     * answer, no such number, ...), also when the telephone system's first report said less ("FAILED").
     */
    public void hungUp(HangupCause cause, Instant at) {
        if (state == State.ANSWERED) {
            ended(at);
        } else if (state == State.REQUESTED || state == State.DIALLING) {
            notConnected(cause.notConnectedState(), cause.name(), at);
        } else if (state.isFinal() && GENERIC_FAILURE.equals(reason) && cause != HangupCause.UNKNOWN && cause != HangupCause.NORMAL) {
            state = cause.notConnectedState();
            reason = cause.name();
        }
    }

    /** The connected call ended. */
    public void ended(Instant at) {
        if (endedAt == null && state == State.ANSWERED) {
            endedAt = at;
        }
    }

    public Long getId() {
        return id;
    }

    public String getRequestKey() {
        return requestKey;
    }

    public Purpose getPurpose() {
        return purpose;
    }

    public String getNumber() {
        return number;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public State getState() {
        return state;
    }

    public String getReason() {
        return reason;
    }

    public String getCallUid() {
        return callUid;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }
}
