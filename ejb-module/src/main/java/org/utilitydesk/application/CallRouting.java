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
                       AgentState agentState, Instant offeredAt) {
    }

    record Choice(String code, String nameZh, String nameEn, boolean needsNote) {
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

    /** As {@link #agentAnswered(long)}, for the telephone system's report naming the call by its uid. */
    void agentAnswered(String callUid);

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
