package org.utilitydesk.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.utilitydesk.domain.model.acd.AgentState;

/**
 * The ACD as the rest of the application uses it: agents log in, go ready or not ready and wrap up their
 * calls (the desk); callers who want an agent wait in line and are connected to the one routing chose
 * (the IVR); the wallboard reads the live figures. Agents are named by their login.
 */
public interface CallRouting {

    // ---------------------------------------------------------------- agents (the desk)

    /** What the desk shows of an agent: state since when, the reason if not ready, the call in hand. */
    record AgentView(long agentId, String username, String agentNo, String extension, AgentState state, String reason,
                     Instant since, Long callId, String pendingReason, Instant wrapUpUntil) {
    }

    /** Logs the agent in (NOT_READY "LOGIN"); their phone is their extension from now on. */
    AgentView login(String username);

    AgentView ready(String username);

    /** Refuses an unknown reason; asked during a call, the break starts after it. */
    AgentView notReady(String username, String reason);

    void logout(String username);

    /** The agent's state now; empty if they are not an agent. */
    Optional<AgentView> agent(String username);

    /**
     * The telephone system reports an agent's phone offline (or back): a ready agent whose phone went
     * offline is made not ready (PHONE_OFFLINE), so no caller is put through to a phone that cannot ring.
     */
    void phoneChanged(String extension, boolean available);

    /** The extension of a user who is an agent (signed in or not). */
    Optional<String> extensionOf(String username);

    /**
     * Ends the agent's after-call work on {@code callId} with a disposition (and notes, required for some
     * dispositions). Submitting the same wrap-up twice, or after the wrap-up time ran out, records it once.
     */
    AgentView wrapUp(String username, long callId, String disposition, String notes);

    /** The call the agent holds now, or the one they are wrapping up. */
    Optional<OfferedCall> currentCall(String username);

    /**
     * The agent found who an unrecognised caller is: the call (and its record) now belongs to that customer.
     * Refused for a call the agent does not hold or is not wrapping up.
     */
    OfferedCall linkCustomer(String username, long callId, long customerId);

    /** A call as the agent's desk sees it when it is offered: who calls, how they came, how long they waited. */
    record OfferedCall(long callId, String callUid, String callerNumber, Long customerId, Long accountId, String skill,
                       int priority, boolean repeatCaller, boolean vip, List<String> ivrPath, Instant queuedAt,
                       AgentState agentState, Instant offeredAt, boolean onHold) {
    }

    record Choice(String code, String nameZh, String nameEn, boolean needsNote) {
    }

    // ---------------------------------------------------------------- the call in hand (the desk's call controls)

    /** Where an agent can send a caller: a line (everyone with the skill), the skill's experts, one colleague. */
    enum TransferKind { QUEUE, EXPERT, AGENT }

    /** A place to transfer to; {@code code} is the skill, or the colleague's login. */
    record TransferTarget(TransferKind kind, String code, String nameZh, String nameEn) {
    }

    /** Each agent is also reachable on a personal line ("AGENT:" + login), which a transfer to them waits on. */
    String PERSONAL_LINE = "AGENT:";

    /** The line (skill) a caller transferred to this target waits on. */
    static String lineOf(TransferKind kind, String target) {
        return kind == TransferKind.AGENT ? PERSONAL_LINE + target : target;
    }

    /** The lines, expert groups and signed-in colleagues the agent can transfer their caller to now. */
    List<TransferTarget> transferTargets(String username);

    /**
     * The caller hears music on hold; the agent's phone stays connected, in silence. Refused unless the agent
     * is talking on a call the application connected; asked again while on hold, nothing happens.
     */
    AgentView hold(String username);

    /** The caller on hold is put through to the agent again; nothing happens for a call not on hold. */
    AgentView resume(String username);

    /**
     * Blind transfer: the agent's part of the call ends at once (no wrap-up) and the caller goes back in
     * line, ahead of callers who have not talked to anyone yet, for the target. Asked twice, done once.
     */
    AgentView transfer(String username, TransferKind kind, String code);

    /** The agent ends the conversation from the desk: the caller hears goodbye, the agent wraps up. */
    AgentView hangUp(String username);

    /** What the desk asked of a connected call, handed to the IVR that holds the caller's side. */
    record DeskRequest(Kind kind, String agentChannel, TransferKind transferKind, String target) {
        public enum Kind { HOLD, RESUME, TRANSFER, HANG_UP }
    }

    List<Choice> notReadyReasons();

    List<Choice> dispositions();

    // ---------------------------------------------------------------- callers (the IVR)

    /** A caller asks for an agent with {@code skill}, having taken {@code ivrPath} so far. */
    record QueueRequest(long callId, String callUid, String callerNumber, Long customerId, Long accountId, String skill,
                        List<String> ivrPath) {
    }

    /** Whether the caller is now waiting, or why not (the queue is closed, or nobody with the skill is logged in). */
    enum Admission { WAITING, CLOSED, UNSTAFFED }

    record Queued(Admission admission, int maxWaitSeconds, int ringSeconds, int priority) {
    }

    Queued queue(QueueRequest request);

    /** The agent whose phone is to ring for the call. */
    record AgentToRing(long agentId, String agentNo, String extension) {
    }

    /** Waits up to {@code max} for routing to choose an agent for the waiting call. */
    Optional<AgentToRing> awaitAgent(long callId, Duration max);

    /** Whether anyone with the skill is logged in (else waiting is pointless). */
    boolean staffed(String skill);

    /** The agent picked up (the telephone system says so, or the IVR learned it when the dial ended). */
    void agentAnswered(long callId);

    /**
     * As {@link #agentAnswered(long)}, for the telephone system's report naming the call by its uid and the
     * agent's leg of it (the channel the desk's call controls act on).
     */
    void agentAnswered(String callUid, String agentChannel);

    /**
     * The conversation was interrupted (the IVR's dial or bridge returned): what the desk asked for, or
     * empty when nothing was asked (the agent or the caller hung up: the conversation is over).
     */
    Optional<DeskRequest> deskRequest(long callId);

    /** Waits up to {@code max} for the desk's next request about a call on hold (resume, transfer, hang up). */
    Optional<DeskRequest> awaitDeskRequest(long callId, Duration max);

    /**
     * Carries out a transfer the IVR learned of: the agent is free, the caller waits in line for the target.
     * UNSTAFFED when nobody can take it any more (the colleague signed out meanwhile).
     */
    Queued transferred(long callId, TransferKind kind, String target);

    /** The offered agent did not pick up in time: they go not ready, the call back to its place in line. */
    void notAnswered(long callId);

    /** The conversation is over: the agent wraps up. */
    void conversationEnded(long callId);

    /** The caller left the line (hung up, chose the mailbox) before talking to an agent. */
    void left(long callId);

    /** As {@link #left(long)} for the telephone system's hang-up report; unknown uids are ignored. */
    void hungUp(String callUid);

    /**
     * The waiting caller would rather be called back: they hang up but keep their place in line; when an
     * agent frees up, the application calls them and puts them through to that agent. False if the caller
     * is no longer waiting.
     */
    boolean callBack(long callId);

    /** How the call placed for a callback went (answered, ended, not reached). */
    void callbackProgressed(long outboundCallId, OutboundCalls.Progress progress);

    // ---------------------------------------------------------------- the wallboard

    record LineFigures(String skill, String nameZh, String nameEn, int waiting, int callbacks, long longestWaitSeconds) {
    }

    record Wallboard(Instant at, List<LineFigures> lines, Map<AgentState, Integer> agentsByState, List<AgentView> agents,
                     long offeredToday, long answeredToday, long abandonedToday, long answeredInTargetToday,
                     Double serviceLevelPct) {
    }

    Wallboard wallboard();

    /** Who the desk and the wallboard push to. Listeners must return at once. */
    interface Listener {
        /** Something about this agent changed (state, a call offered, answered, ended). */
        void agentChanged(String username);

        /** The live figures changed. */
        void wallboardChanged();
    }

    void addListener(Listener listener);

    void removeListener(Listener listener);
}
