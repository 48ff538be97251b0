package org.utilitydesk.domain.model.acd;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The routing state of one JVM. One lock guards everything, so each operation sees and leaves a
 * consistent state; a decision costs a few sorted-set lookups (ready agents per skill ordered by
 * proficiency, then idle time; waiting calls per skill ordered by priority, then place in line), so the
 * lock is held for microseconds even with thousands of agents and calls.
 */
public final class InMemoryRouter implements Router {

    private static final String LOGIN = "LOGIN";
    private static final String RONA = "RONA";

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Long, Agent> agents = new HashMap<>();
    private final Map<String, TreeSet<Agent>> readyBySkill = new HashMap<>();
    private final Map<String, TreeSet<Waiting>> waitingBySkill = new HashMap<>();
    private final Map<Long, Waiting> waiting = new HashMap<>();
    /** Calls offered to or connected with an agent. */
    private final Map<Long, Agent> connected = new HashMap<>();
    private long nextPlace;
    /** How many signed-in agents hold each skill. */
    private final Map<String, Integer> signedIn = new HashMap<>();
    private final Consumer<AgentChange> journal;

    /** A router that reports nothing but its results. */
    public InMemoryRouter() {
        this(change -> { });
    }

    /**
     * A router that also hands every agent state change to {@code journal}, in the order they happen
     * (called under the lock, so it must only queue the change).
     */
    public InMemoryRouter(Consumer<AgentChange> journal) {
        this.journal = journal;
    }

    private static final Comparator<Waiting> LINE_ORDER =
            Comparator.<Waiting>comparingInt(w -> -w.call.priority()).thenComparingLong(w -> w.place);

    private static final class Agent {
        AgentProfile profile;
        AgentState state = AgentState.LOGGED_OUT;
        String reason;
        Instant since;
        /** When the agent last became free; longest idle is served first. */
        Instant idleSince;
        Instant wrapUpUntil;
        String pendingReason;
        Waiting call;

        long id() {
            return profile.agentId();
        }
    }

    private static final class Waiting {
        final WaitingCall call;
        /** Place in line, kept when a missed offer puts the call back. */
        final long place;

        Waiting(WaitingCall call, long place) {
            this.call = call;
            this.place = place;
        }

        int required(Instant at) {
            return call.relaxation().minProficiency(Math.max(0, Duration.between(call.queuedAt(), at).getSeconds()));
        }
    }

    /** Collects what one operation caused. */
    private static final class Outcome {
        final List<AgentChange> changes = new ArrayList<>();
        final List<Offer> offers = new ArrayList<>();

        Routing routing() {
            return changes.isEmpty() && offers.isEmpty() ? Routing.NOTHING : new Routing(changes, offers);
        }
    }

    @Override
    public Routing login(AgentProfile profile, Instant at) {
        return decide(out -> {
            Agent agent = agents.get(profile.agentId());
            if (agent == null) {
                agent = new Agent();
                agent.profile = profile;
                agents.put(profile.agentId(), agent);
            }
            if (agent.state == AgentState.LOGGED_OUT) {
                agent.profile = profile;
                enter(agent, AgentState.NOT_READY, LOGIN, at, out);
            } else if (agent.state == AgentState.READY) {
                unready(agent);
                reskill(agent, profile);
                makeReady(agent, at, out);
            } else {
                reskill(agent, profile);
            }
        });
    }

    @Override
    public Routing ready(long agentId, Instant at) {
        return decide(out -> {
            Agent agent = loggedIn(agentId);
            switch (agent.state) {
                case READY -> { }
                case NOT_READY, WRAP_UP -> makeReady(agent, at, out);
                default -> agent.pendingReason = null; // ready again after the call in hand
            }
        });
    }

    @Override
    public Routing notReady(long agentId, String reason, Instant at) {
        return decide(out -> {
            Agent agent = loggedIn(agentId);
            if (agent.state.holdsCall()) {
                agent.pendingReason = reason;
            } else if (agent.state != AgentState.NOT_READY || !reason.equals(agent.reason)) {
                unready(agent);
                enter(agent, AgentState.NOT_READY, reason, at, out);
            }
        });
    }

    @Override
    public Routing logout(long agentId, Instant at) {
        return decide(out -> {
            Agent agent = agents.get(agentId);
            if (agent == null || agent.state == AgentState.LOGGED_OUT) {
                return;
            }
            if (agent.state.holdsCall()) {
                throw new AgentStateException("acd.logoutOnCall", "agent " + agentId + " holds call " + agent.call.call.callId());
            }
            unready(agent);
            enter(agent, AgentState.LOGGED_OUT, null, at, out);
        });
    }

    @Override
    public Routing enqueue(WaitingCall call, Instant at) {
        return decide(out -> {
            if (waiting.containsKey(call.callId()) || connected.containsKey(call.callId())) {
                return; // the same call reported twice
            }
            Waiting entry = new Waiting(call, nextPlace++);
            if (!matchCall(entry, at, out)) {
                line(entry);
            }
        });
    }

    @Override
    public Routing answered(long callId, Instant at) {
        return decide(out -> {
            Agent agent = connected.get(callId);
            if (agent != null && agent.state == AgentState.RESERVED) {
                enter(agent, AgentState.ON_CALL, null, at, out);
            }
        });
    }

    @Override
    public Routing ringNoAnswer(long callId, Instant at) {
        return decide(out -> {
            Agent agent = connected.get(callId);
            if (agent == null || agent.state != AgentState.RESERVED) {
                return;
            }
            Waiting entry = agent.call;
            release(agent);
            enter(agent, AgentState.NOT_READY, RONA, at, out);
            agent.pendingReason = null;
            if (!matchCall(entry, at, out)) {
                line(entry);
            }
        });
    }

    @Override
    public Routing ended(long callId, Duration wrapUp, Instant at) {
        return decide(out -> {
            Waiting entry = waiting.get(callId);
            if (entry != null) {
                unline(entry);
                return;
            }
            Agent agent = connected.get(callId);
            if (agent == null) {
                return;
            }
            boolean talked = agent.state == AgentState.ON_CALL;
            release(agent);
            if (talked && !wrapUp.isZero() && !wrapUp.isNegative()) {
                agent.wrapUpUntil = at.plus(wrapUp);
                enter(agent, AgentState.WRAP_UP, null, at, out);
            } else {
                afterCall(agent, at, out);
            }
        });
    }

    @Override
    public Routing wrapUpDone(long agentId, Instant at) {
        return decide(out -> {
            Agent agent = loggedIn(agentId);
            if (agent.state == AgentState.WRAP_UP) {
                afterCall(agent, at, out);
            }
        });
    }

    @Override
    public Routing leave(long callId, Instant at) {
        return decide(out -> {
            Waiting entry = waiting.get(callId);
            if (entry != null) {
                unline(entry);
                return;
            }
            Agent agent = connected.get(callId);
            if (agent != null && agent.state == AgentState.RESERVED) {
                Instant idle = agent.idleSince;
                release(agent);
                if (agent.pendingReason != null) {
                    enter(agent, AgentState.NOT_READY, agent.pendingReason, at, out);
                    agent.pendingReason = null;
                } else {
                    makeReady(agent, idle, at, out); // the offer that never happened does not cost their turn
                }
            } else if (agent != null) {
                release(agent);
                afterCall(agent, at, out);
            }
        });
    }

    @Override
    public boolean toCallback(long callId) {
        return locked(() -> {
            Waiting entry = waiting.get(callId);
            if (entry == null) {
                return false;
            }
            unline(entry);
            line(new Waiting(entry.call.asCallback(), entry.place));
            return true;
        });
    }

    @Override
    public Routing tick(Instant at) {
        return decide(out -> {
            for (Agent agent : List.copyOf(agents.values())) {
                if (agent.state == AgentState.WRAP_UP && agent.wrapUpUntil != null && !agent.wrapUpUntil.isAfter(at)) {
                    afterCall(agent, at, out);
                }
            }
            List<Waiting> line = new ArrayList<>(waiting.values());
            line.sort(LINE_ORDER);
            for (Waiting entry : line) {
                TreeSet<Agent> ready = readyBySkill.get(entry.call.skill());
                if (ready != null && !ready.isEmpty()) {
                    unline(entry);
                    if (!matchCall(entry, at, out)) {
                        line(entry);
                    }
                }
            }
        });
    }

    @Override
    public Optional<AgentStatus> agent(long agentId) {
        return locked(() -> Optional.ofNullable(agents.get(agentId)).map(InMemoryRouter::status));
    }

    @Override
    public boolean staffed(String skill) {
        return locked(() -> signedIn.getOrDefault(skill, 0) > 0);
    }

    @Override
    public boolean anyoneWaiting() {
        return locked(() -> !waiting.isEmpty());
    }

    @Override
    public boolean isWaiting(long callId) {
        return locked(() -> waiting.containsKey(callId));
    }

    @Override
    public Optional<Long> agentOf(long callId) {
        return locked(() -> Optional.ofNullable(connected.get(callId)).map(Agent::id));
    }

    @Override
    public RouterSnapshot snapshot(Instant at) {
        return locked(() -> {
            Map<String, RouterSnapshot.Line> lines = new TreeMap<>();
            waitingBySkill.forEach((skill, line) -> {
                int callers = 0;
                int callbacks = 0;
                Instant oldest = null;
                for (Waiting w : line) {
                    if (w.call.callback()) {
                        callbacks++;
                    } else {
                        callers++;
                    }
                    oldest = oldest == null || w.call.queuedAt().isBefore(oldest) ? w.call.queuedAt() : oldest;
                }
                long longest = oldest == null ? 0 : Math.max(0, Duration.between(oldest, at).getSeconds());
                lines.put(skill, new RouterSnapshot.Line(skill, callers, callbacks, longest));
            });
            Map<AgentState, Integer> byState = new EnumMap<>(AgentState.class);
            for (AgentState state : AgentState.values()) {
                byState.put(state, 0);
            }
            List<AgentStatus> statuses = new ArrayList<>();
            for (Agent agent : agents.values()) {
                byState.merge(agent.state, 1, Integer::sum);
                if (agent.state != AgentState.LOGGED_OUT) {
                    statuses.add(status(agent));
                }
            }
            statuses.sort(Comparator.comparingLong(s -> s.profile().agentId()));
            return new RouterSnapshot(at, lines, byState, statuses);
        });
    }

    // ------------------------------------------------------------------ decisions (lock held)

    /** Offers the call to the best ready agent for it, if one qualifies; true when offered. */
    private boolean matchCall(Waiting entry, Instant at, Outcome out) {
        TreeSet<Agent> ready = readyBySkill.get(entry.call.skill());
        if (ready == null || ready.isEmpty()) {
            return false;
        }
        Agent best = ready.first();
        if (best.profile.proficiency(entry.call.skill()) < entry.required(at)) {
            return false;
        }
        offer(entry, best, at, out);
        return true;
    }

    /** Offers a ready agent the first call in line, across their skills, that they qualify for. */
    private void matchAgent(Agent agent, Instant at, Outcome out) {
        Waiting chosen = null;
        for (Map.Entry<String, Integer> skill : agent.profile.skills().entrySet()) {
            TreeSet<Waiting> line = waitingBySkill.get(skill.getKey());
            if (line == null) {
                continue;
            }
            for (Waiting entry : line) {
                if (entry.required(at) <= skill.getValue()) {
                    if (chosen == null || LINE_ORDER.compare(entry, chosen) < 0) {
                        chosen = entry;
                    }
                    break; // later calls in this line come after this one
                }
            }
        }
        if (chosen != null) {
            unline(chosen);
            offer(chosen, agent, at, out);
        }
    }

    private void offer(Waiting entry, Agent agent, Instant at, Outcome out) {
        unready(agent);
        agent.call = entry;
        connected.put(entry.call.callId(), agent);
        enter(agent, AgentState.RESERVED, null, at, out);
        out.offers.add(new Offer(entry.call, agent.profile, at));
    }

    /** After a call (and its wrap-up): ready for the next, or the break they asked for meanwhile. */
    private void afterCall(Agent agent, Instant at, Outcome out) {
        agent.wrapUpUntil = null;
        if (agent.pendingReason != null) {
            String reason = agent.pendingReason;
            agent.pendingReason = null;
            enter(agent, AgentState.NOT_READY, reason, at, out);
        } else {
            makeReady(agent, at, out);
        }
    }

    private void makeReady(Agent agent, Instant at, Outcome out) {
        makeReady(agent, at, at, out);
    }

    private void makeReady(Agent agent, Instant idleSince, Instant at, Outcome out) {
        agent.wrapUpUntil = null;
        enter(agent, AgentState.READY, null, at, out);
        agent.idleSince = idleSince == null ? at : idleSince;
        matchAgent(agent, at, out);
        if (agent.state == AgentState.READY) {
            for (String skill : agent.profile.skills().keySet()) {
                readyBySkill.computeIfAbsent(skill, InMemoryRouter::readyOrder).add(agent);
            }
        }
    }

    private void enter(Agent agent, AgentState state, String reason, Instant at, Outcome out) {
        if ((agent.state == AgentState.LOGGED_OUT) != (state == AgentState.LOGGED_OUT)) {
            count(agent.profile, state == AgentState.LOGGED_OUT ? -1 : 1);
        }
        agent.state = state;
        agent.reason = reason;
        agent.since = at;
        AgentChange change = new AgentChange(agent.id(), state, reason, at);
        out.changes.add(change);
        journal.accept(change);
    }

    /** A signed-in agent's skills change (they signed in again): the staffing counts follow. */
    private void reskill(Agent agent, AgentProfile profile) {
        count(agent.profile, -1);
        agent.profile = profile;
        count(profile, 1);
    }

    private void count(AgentProfile profile, int delta) {
        for (String skill : profile.skills().keySet()) {
            signedIn.merge(skill, delta, (a, b) -> a + b == 0 ? null : a + b);
        }
    }

    /** Takes the agent out of every ready set (before anything their ordering depends on changes). */
    private void unready(Agent agent) {
        if (agent.state != AgentState.READY) {
            return;
        }
        for (String skill : agent.profile.skills().keySet()) {
            TreeSet<Agent> ready = readyBySkill.get(skill);
            if (ready != null) {
                ready.remove(agent);
            }
        }
    }

    private void release(Agent agent) {
        if (agent.call != null) {
            connected.remove(agent.call.call.callId());
            agent.call = null;
        }
    }

    private void line(Waiting entry) {
        waiting.put(entry.call.callId(), entry);
        waitingBySkill.computeIfAbsent(entry.call.skill(), s -> new TreeSet<>(LINE_ORDER)).add(entry);
    }

    private void unline(Waiting entry) {
        waiting.remove(entry.call.callId());
        TreeSet<Waiting> line = waitingBySkill.get(entry.call.skill());
        if (line != null) {
            line.remove(entry);
        }
    }

    private Agent loggedIn(long agentId) {
        Agent agent = agents.get(agentId);
        if (agent == null || agent.state == AgentState.LOGGED_OUT) {
            throw new AgentStateException("acd.notLoggedIn", "agent " + agentId + " is not logged in");
        }
        return agent;
    }

    private static TreeSet<Agent> readyOrder(String skill) {
        return new TreeSet<>(Comparator.<Agent>comparingInt(a -> -a.profile.proficiency(skill))
                .thenComparing(a -> a.idleSince)
                .thenComparingLong(Agent::id));
    }

    private static AgentStatus status(Agent agent) {
        return new AgentStatus(agent.profile, agent.state, agent.reason, agent.since,
                agent.call == null ? null : agent.call.call.callId(), agent.pendingReason, agent.wrapUpUntil);
    }

    /** Runs a decision under the lock and returns what it caused. */
    private Routing decide(Consumer<Outcome> decision) {
        return locked(() -> {
            Outcome out = new Outcome();
            decision.accept(out);
            return out.routing();
        });
    }

    private <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
