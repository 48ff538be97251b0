package org.utilitydesk.domain.model.acd;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The routing state and its decisions, behind one interface so that a clustered store can replace the
 * in-memory one. Every operation is atomic: no call is ever offered to two agents and no agent ever holds
 * two calls. Each returns what it caused (state changes to log, offers to ring), for the caller to act on.
 */
public interface Router {

    /** The agent logs in; they start NOT_READY ("LOGIN") until they say they are ready. Logging in again refreshes their skills. */
    Routing login(AgentProfile agent, Instant at);

    /** The agent is ready for calls: the best waiting call they can take is offered at once. */
    Routing ready(long agentId, Instant at);

    /** The agent takes a break; asked while holding a call, it applies when the call's wrap-up ends. */
    Routing notReady(long agentId, String reason, Instant at);

    /** Refused while the agent holds a call. */
    Routing logout(long agentId, Instant at);

    /** A call joins the line for its skill; offered at once if a suitable agent is ready. */
    Routing enqueue(WaitingCall call, Instant at);

    /** The offered agent answered: they are on the call. */
    Routing answered(long callId, Instant at);

    /**
     * The offered agent did not answer: they become NOT_READY ("RONA") and the call goes back to its place
     * in line (and to the next suitable agent, if one is ready).
     */
    Routing ringNoAnswer(long callId, Instant at);

    /** The call is over; its agent does after-call work until {@code wrapUp} has passed or they finish. */
    Routing ended(long callId, Duration wrapUp, Instant at);

    /** The agent finished after-call work early. */
    Routing wrapUpDone(long agentId, Instant at);

    /**
     * The call leaves the line before an agent took it (the caller hung up, chose the mailbox): an agent
     * whose phone was ringing for it is ready again, keeping their idle time.
     */
    Routing leave(long callId, Instant at);

    /**
     * The waiting caller hangs up to be called back: the entry stays at its place in line, marked as a
     * callback. Nothing happens for a call not waiting.
     */
    boolean toCallback(long callId);

    /** Time passes: wrap-ups run out and waiting calls whose requirement has relaxed find agents. */
    Routing tick(Instant at);

    Optional<AgentStatus> agent(long agentId);

    /** Whether any logged-in agent has the skill (waiting makes sense only then). */
    boolean staffed(String skill);

    /** Whether any caller (or callback) is waiting in any line. */
    boolean anyoneWaiting();

    /** True while the call waits in line (not yet offered, or put back after a missed offer). */
    boolean isWaiting(long callId);

    /** The agent the call is offered to or connected with. */
    Optional<Long> agentOf(long callId);

    RouterSnapshot snapshot(Instant at);
}
