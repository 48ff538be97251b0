package org.utilitydesk.it.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.utilitydesk.domain.model.acd.AgentProfile;
import org.utilitydesk.domain.model.acd.InMemoryRouter;
import org.utilitydesk.domain.model.acd.Offer;
import org.utilitydesk.domain.model.acd.Relaxation;
import org.utilitydesk.domain.model.acd.Routing;
import org.utilitydesk.domain.model.acd.WaitingCall;

/**
 * Routing decisions at contact-center scale, in the router the application runs: 2,000 agents holding 5
 * of 50 skills each (proficiency 1-10), every agent busy and 1,000 callers waiting, relaxation steps as
 * the demo queues have them. Then, over and over, a call ends (its agent frees up and routing picks the
 * next caller for them) and a new caller arrives (routing looks for a ready agent). Prints the latency of
 * each decision (p50, p99, p99.9, max) for one and for several threads deciding at once, and a tick
 * over the whole line.
 *   java ... RoutingBenchmark [agents 2000] [skills 50] [waiting 1000] [decisions 200000] [threads 2]
 */
public final class RoutingBenchmark {

    private static final Relaxation STEPS = new Relaxation(List.of(new Relaxation.Step(0, 6), new Relaxation.Step(20, 3),
            new Relaxation.Step(45, 1)));

    private final int agents;
    private final int skills;
    private final int waiting;
    private final InMemoryRouter router = new InMemoryRouter();
    private final AtomicLong callIds = new AtomicLong();
    private final ConcurrentLinkedQueue<Long> connected = new ConcurrentLinkedQueue<>();
    private volatile Instant now = Instant.parse("2026-11-24T08:00:00Z");

    private RoutingBenchmark(int agents, int skills, int waiting) {
        this.agents = agents;
        this.skills = skills;
        this.waiting = waiting;
    }

    public static void main(String[] args) throws Exception {
        int agents = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int skills = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int waiting = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int decisions = args.length > 3 ? Integer.parseInt(args[3]) : 200_000;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        RoutingBenchmark bench = new RoutingBenchmark(agents, skills, waiting);
        bench.fill();
        System.out.printf("routing: %d agents, %d skills, %d callers waiting, every agent busy%n", agents, skills, bench.waitingNow());
        bench.run(decisions / 4, 1, false); // warm-up
        bench.run(decisions, 1, true);
        bench.run(decisions, threads, true);
        bench.tick();
    }

    private void fill() {
        Random random = new Random(42);
        for (long id = 1; id <= agents; id++) {
            Map<String, Integer> mine = new HashMap<>();
            while (mine.size() < Math.min(5, skills)) {
                mine.put(skill(random.nextInt(skills)), 1 + random.nextInt(10));
            }
            router.login(new AgentProfile(id, "agent" + id, String.valueOf(10_000 + id), mine), now);
            router.ready(id, now);
        }
        // every agent takes a call, then the line builds up
        while (waitingNow() < waiting) {
            arrive(random);
        }
    }

    /** A caller arrives; if routing offers the call at once, the agent answers. Returns the decision's nanoseconds. */
    private long arrive(Random random) {
        long id = callIds.incrementAndGet();
        WaitingCall call = new WaitingCall(id, skill(random.nextInt(skills)), random.nextInt(10) == 0 ? 20 : 0, now, STEPS, false);
        long start = System.nanoTime();
        Routing routing = router.enqueue(call, now);
        long took = System.nanoTime() - start;
        answer(routing);
        return took;
    }

    /** A conversation ends with no wrap-up: routing picks the agent's next caller. Returns the decision's nanoseconds. */
    private long hangUp() {
        Long callId = connected.poll();
        if (callId == null) {
            return -1;
        }
        long start = System.nanoTime();
        Routing routing = router.ended(callId, Duration.ZERO, now);
        long took = System.nanoTime() - start;
        answer(routing);
        return took;
    }

    private void answer(Routing routing) {
        for (Offer offer : routing.offers()) {
            router.answered(offer.callId(), now);
            connected.add(offer.callId());
        }
    }

    private void run(int decisions, int threads, boolean report) throws InterruptedException {
        long[][] frees = new long[threads][];
        long[][] arrivals = new long[threads][];
        CountDownLatch done = new CountDownLatch(threads);
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int index = t;
            Thread worker = new Thread(() -> {
                Random random = new Random(index);
                int mine = decisions / threads;
                long[] free = new long[mine];
                long[] arrival = new long[mine];
                for (int i = 0; i < mine; i++) {
                    free[i] = hangUp();
                    arrival[i] = arrive(random);
                }
                frees[index] = free;
                arrivals[index] = arrival;
                done.countDown();
            });
            worker.start();
        }
        done.await();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (report) {
            System.out.printf("%d thread(s): %,.0f decisions/s; line now %d waiting%n", threads, 2.0 * decisions / seconds, waitingNow());
            print("  agent frees up, next caller chosen", concat(frees));
            print("  caller arrives, agent looked for  ", concat(arrivals));
        }
    }

    private void tick() {
        long[] took = new long[200];
        for (int i = 0; i < took.length; i++) {
            now = now.plusMillis(250);
            long start = System.nanoTime();
            answer(router.tick(now));
            took[i] = System.nanoTime() - start;
        }
        print(String.format("tick over the line (%d waiting)      ", waitingNow()), took);
    }

    private int waitingNow() {
        return router.snapshot(now).lines().values().stream().mapToInt(l -> l.waiting() + l.callbacks()).sum();
    }

    private static String skill(int n) {
        return String.format("S%02d", n);
    }

    private static long[] concat(long[][] parts) {
        List<Long> all = new ArrayList<>();
        for (long[] part : parts) {
            for (long v : part) {
                if (v >= 0) {
                    all.add(v);
                }
            }
        }
        return all.stream().mapToLong(Long::longValue).toArray();
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms (%d decisions)%n", what,
                at(sorted, 0.50), at(sorted, 0.99), at(sorted, 0.999), sorted[sorted.length - 1] / 1e6, sorted.length);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
