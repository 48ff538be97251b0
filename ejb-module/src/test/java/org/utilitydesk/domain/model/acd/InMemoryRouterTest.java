package org.utilitydesk.domain.model.acd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InMemoryRouterTest {

    private static final Instant T0 = Instant.parse("2026-11-24T02:00:00Z");
    private final InMemoryRouter router = new InMemoryRouter();

    private static AgentProfile agent(long id, Map<String, Integer> skills) {
        return new AgentProfile(id, "agent" + id, String.valueOf(8000 + id), skills);
    }

    private static WaitingCall call(long id, String skill, int priority, Instant at) {
        return new WaitingCall(id, skill, priority, at, Relaxation.NONE, false);
    }

    private void readyAgent(long id, Map<String, Integer> skills, Instant at) {
        router.login(agent(id, skills), at);
        router.ready(id, at);
    }

    @Test
    void theMostProficientReadyAgentGetsTheCallThenTheLongestIdle() {
        readyAgent(1, Map.of("BILLING", 5), T0);
        readyAgent(2, Map.of("BILLING", 9), T0.plusSeconds(10));
        readyAgent(3, Map.of("BILLING", 9), T0.plusSeconds(5));
        Routing first = router.enqueue(call(100, "BILLING", 0, T0.plusSeconds(20)), T0.plusSeconds(20));
        assertEquals(3, first.offers().get(0).agentId(), "proficiency 9, idle longer than agent 2");
        Routing second = router.enqueue(call(101, "BILLING", 0, T0.plusSeconds(21)), T0.plusSeconds(21));
        assertEquals(2, second.offers().get(0).agentId());
        Routing third = router.enqueue(call(102, "BILLING", 0, T0.plusSeconds(22)), T0.plusSeconds(22));
        assertEquals(1, third.offers().get(0).agentId());
        assertEquals(AgentState.RESERVED, router.agent(1).orElseThrow().state());
    }

    @Test
    void aReadyAgentTakesTheHighestPriorityCallThenTheOldest() {
        router.login(agent(1, Map.of("BILLING", 5, "COMPLAINT", 5)), T0);
        router.enqueue(call(100, "BILLING", 0, T0), T0);
        router.enqueue(call(101, "BILLING", 0, T0.plusSeconds(1)), T0.plusSeconds(1));
        router.enqueue(call(102, "COMPLAINT", 20, T0.plusSeconds(2)), T0.plusSeconds(2));
        Routing ready = router.ready(1, T0.plusSeconds(3));
        assertEquals(102, ready.offers().get(0).callId(), "the complaint jumps the line");
        router.answered(102, T0.plusSeconds(4));
        router.ended(102, Duration.ZERO, T0.plusSeconds(60));
        assertEquals(100, router.agentOf(100).map(a -> 100L).orElse(-1L), "then the oldest billing call");
        assertTrue(router.isWaiting(101));
    }

    @Test
    void requirementsRelaxAsTheCallWaits() {
        Relaxation steps = new Relaxation(List.of(new Relaxation.Step(0, 8), new Relaxation.Step(30, 3)));
        readyAgent(1, Map.of("FAULT_REPAIR", 4), T0);
        Routing early = router.enqueue(new WaitingCall(100, "FAULT_REPAIR", 0, T0, steps, false), T0);
        assertTrue(early.offers().isEmpty(), "proficiency 4 is not enough for a fresh call");
        assertTrue(router.tick(T0.plusSeconds(29)).offers().isEmpty());
        Routing relaxed = router.tick(T0.plusSeconds(30));
        assertEquals(1, relaxed.offers().get(0).agentId());
    }

    @Test
    void ringNoAnswerPutsTheCallBackInItsPlaceAndTheAgentNotReady() {
        readyAgent(1, Map.of("BILLING", 9), T0);
        router.enqueue(call(100, "BILLING", 0, T0), T0);
        router.enqueue(call(101, "BILLING", 0, T0.plusSeconds(1)), T0.plusSeconds(1));
        Routing missed = router.ringNoAnswer(100, T0.plusSeconds(20));
        assertTrue(missed.offers().isEmpty());
        AgentStatus agent = router.agent(1).orElseThrow();
        assertEquals(AgentState.NOT_READY, agent.state());
        assertEquals("RONA", agent.reason());
        readyAgent(2, Map.of("BILLING", 2), T0.plusSeconds(21));
        assertEquals(100L, router.agentOf(100).map(a -> 100L).orElseThrow(), "call 100 is still first in line");
        assertEquals(2L, router.agentOf(100).orElseThrow());
        assertTrue(router.isWaiting(101));
    }

    @Test
    void aCallerWhoHangsUpWhileTheAgentRingsLeavesTheAgentReadyWithTheirTurn() {
        readyAgent(1, Map.of("BILLING", 5), T0);
        readyAgent(2, Map.of("BILLING", 5), T0.plusSeconds(5));
        router.enqueue(call(100, "BILLING", 0, T0.plusSeconds(10)), T0.plusSeconds(10));
        router.leave(100, T0.plusSeconds(12));
        assertEquals(AgentState.READY, router.agent(1).orElseThrow().state());
        Routing next = router.enqueue(call(101, "BILLING", 0, T0.plusSeconds(13)), T0.plusSeconds(13));
        assertEquals(1, next.offers().get(0).agentId(), "agent 1 is still the longest idle");
    }

    @Test
    void wrapUpEndsByItselfAndABreakAskedDuringACallStartsAfterIt() {
        readyAgent(1, Map.of("BILLING", 5), T0);
        router.enqueue(call(100, "BILLING", 0, T0), T0);
        router.answered(100, T0.plusSeconds(5));
        router.notReady(1, "LUNCH", T0.plusSeconds(30));
        assertEquals(AgentState.ON_CALL, router.agent(1).orElseThrow().state());
        assertThrows(AgentStateException.class, () -> router.logout(1, T0.plusSeconds(31)));
        router.ended(100, Duration.ofSeconds(30), T0.plusSeconds(60));
        assertEquals(AgentState.WRAP_UP, router.agent(1).orElseThrow().state());
        router.enqueue(call(101, "BILLING", 0, T0.plusSeconds(61)), T0.plusSeconds(61));
        assertTrue(router.isWaiting(101), "no call during wrap-up");
        router.tick(T0.plusSeconds(90));
        AgentStatus agent = router.agent(1).orElseThrow();
        assertEquals(AgentState.NOT_READY, agent.state());
        assertEquals("LUNCH", agent.reason());
        assertNull(agent.callId());
        assertTrue(router.isWaiting(101));
    }

    @Test
    void aCallerWhoAsksForACallbackKeepsTheirPlaceInLine() {
        router.login(agent(1, Map.of("BILLING", 5)), T0);
        router.enqueue(call(100, "BILLING", 0, T0), T0);
        router.enqueue(call(101, "BILLING", 0, T0.plusSeconds(1)), T0.plusSeconds(1));
        assertTrue(router.toCallback(100));
        assertFalse(router.toCallback(999), "not waiting");
        assertEquals(1, router.snapshot(T0.plusSeconds(2)).lines().get("BILLING").callbacks());
        Offer offer = router.ready(1, T0.plusSeconds(3)).offers().get(0);
        assertEquals(100, offer.callId(), "the callback is still first");
        assertTrue(offer.call().callback());
    }

    @Test
    void theSameCallQueuedTwiceIsOneCall() {
        router.enqueue(call(100, "BILLING", 0, T0), T0);
        router.enqueue(call(100, "BILLING", 0, T0), T0.plusSeconds(1));
        assertEquals(1, router.snapshot(T0.plusSeconds(2)).lines().get("BILLING").waiting());
        readyAgent(1, Map.of("BILLING", 5), T0.plusSeconds(3));
        readyAgent(2, Map.of("BILLING", 5), T0.plusSeconds(3));
        assertEquals(AgentState.READY, router.agent(2).orElseThrow().state());
    }

    @Test
    void aSkillIsStaffedWhileSomeoneWithItIsSignedIn() {
        assertFalse(router.staffed("BILLING"));
        router.login(agent(1, Map.of("BILLING", 5)), T0);
        router.login(agent(2, Map.of("BILLING", 3, "ENGLISH", 4)), T0);
        assertTrue(router.staffed("BILLING"));
        router.logout(1, T0);
        assertTrue(router.staffed("BILLING"));
        router.login(agent(2, Map.of("ENGLISH", 4)), T0.plusSeconds(1)); // signed in again without billing
        assertFalse(router.staffed("BILLING"));
        assertTrue(router.staffed("ENGLISH"));
        router.logout(2, T0.plusSeconds(2));
        assertFalse(router.staffed("ENGLISH"));
    }

    @Test
    void anAgentWithoutTheSkillNeverGetsTheCall() {
        readyAgent(1, Map.of("BILLING", 10), T0);
        Routing routing = router.enqueue(call(100, "ENGLISH", 0, T0), T0);
        assertTrue(routing.offers().isEmpty());
        assertFalse(router.tick(T0.plusSeconds(600)).offers().stream().anyMatch(o -> o.callId() == 100));
    }

    /**
     * Many threads log agents in and out, make them ready and not ready, queue calls, answer, miss, end
     * and abandon them, all at once. Whoever receives an offer claims the call and the agent; a second
     * claim on either would mean the router offered a call twice or gave an agent two calls.
     */
    @Test
    void underConcurrencyNoCallGoesToTwoAgentsAndNoAgentGetsTwoCalls() throws Exception {
        int agentCount = 40;
        int threads = 16;
        int operationsPerThread = 20_000;
        String[] skills = {"BILLING", "FAULT_REPAIR", "COMPLAINT"};
        Map<Long, Long> callHeldBy = new ConcurrentHashMap<>();
        Map<Long, Long> agentHolds = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Offer> offered = new ConcurrentLinkedQueue<>();
        List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong callIds = new AtomicLong();
        AtomicInteger offers = new AtomicInteger();
        for (long id = 1; id <= agentCount; id++) {
            Map<String, Integer> mine = Map.of(skills[(int) (id % 3)], 1 + (int) (id % 10), skills[(int) ((id + 1) % 3)], 5);
            router.login(agent(id, mine), T0);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                start.await();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < operationsPerThread; i++) {
                    Instant now = T0.plusMillis(i);
                    Routing routing;
                    int dice = random.nextInt(100);
                    long agentId = 1 + random.nextInt(agentCount);
                    if (dice < 30) {
                        routing = router.enqueue(call(callIds.incrementAndGet(), skills[random.nextInt(3)],
                                random.nextInt(3) * 10, now), now);
                    } else if (dice < 50) {
                        routing = refusedIsNothing(() -> router.ready(agentId, now));
                    } else if (dice < 55) {
                        routing = refusedIsNothing(() -> router.notReady(agentId, "BREAK", now));
                    } else if (dice < 58) {
                        routing = refusedIsNothing(() -> router.logout(agentId, now));
                    } else if (dice < 62) {
                        routing = router.login(agent(agentId, Map.of(skills[random.nextInt(3)], 1 + random.nextInt(10))), now);
                    } else if (dice < 64) {
                        routing = router.tick(now);
                    } else {
                        Offer offer = offered.poll();
                        if (offer == null) {
                            continue;
                        }
                        int what = random.nextInt(10);
                        if (what < 6) {
                            router.answered(offer.callId(), now);
                            free(offer, callHeldBy, agentHolds);
                            routing = router.ended(offer.callId(), Duration.ofMillis(random.nextInt(3)), now);
                        } else if (what < 8) {
                            free(offer, callHeldBy, agentHolds);
                            routing = router.ringNoAnswer(offer.callId(), now);
                        } else {
                            free(offer, callHeldBy, agentHolds);
                            routing = router.leave(offer.callId(), now);
                        }
                    }
                    for (Offer offer : routing.offers()) {
                        offers.incrementAndGet();
                        Long previousAgent = callHeldBy.putIfAbsent(offer.callId(), offer.agentId());
                        Long previousCall = agentHolds.putIfAbsent(offer.agentId(), offer.callId());
                        if (previousAgent != null || previousCall != null) {
                            violations.add("call " + offer.callId() + " to agent " + offer.agentId() + " while held by "
                                    + previousAgent + " / agent holding " + previousCall);
                        }
                        offered.add(offer);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (var future : done) {
            future.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertTrue(violations.isEmpty(), () -> violations.size() + " violations, first: " + violations.get(0));
        assertTrue(offers.get() > 10_000, "the hammer made " + offers.get() + " offers");
        RouterSnapshot end = router.snapshot(T0.plusSeconds(3600));
        long holding = end.agents().stream().filter(a -> a.callId() != null).count();
        assertEquals(agentHolds.size(), holding, "the router and the claims agree on who holds a call");
    }

    /** A logged-out agent asking to be ready, an agent on a call logging out: refused, and nothing changes. */
    private static Routing refusedIsNothing(java.util.function.Supplier<Routing> operation) {
        try {
            return operation.get();
        } catch (AgentStateException refused) {
            return Routing.NOTHING;
        }
    }

    /** Frees the claim before the router frees the agent, so a new offer to them is not taken for a double. */
    private static void free(Offer offer, Map<Long, Long> callHeldBy, Map<Long, Long> agentHolds) {
        callHeldBy.remove(offer.callId());
        agentHolds.remove(offer.agentId());
    }
}
