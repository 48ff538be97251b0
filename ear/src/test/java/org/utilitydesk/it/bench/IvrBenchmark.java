package org.utilitydesk.it.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many scripted callers at once through the bill-inquiry path (press 1, hear the bill, press # to end),
 * over the real FastAGI protocol against a running instance. Prints calls per second, concurrency, and
 * the time the application takes per AGI command (from our reply to its next command), p50/p99/max.
 * Each reply can wait {@code think} ms first, as Asterisk does while a prompt plays or the caller keys:
 * with 0 every caller fires its next command at once (a stress test far beyond real traffic, where the
 * application's threads and connections are all runnable at once).
 *
 * <pre>java … IvrBenchmark [port 4573] [concurrent callers 500] [seconds 30] [think ms 0] [caller 13800000001]</pre>
 */
public final class IvrBenchmark {

    private static final int MAX_SAMPLES = 5_000_000;

    private final int port;
    private final String caller;
    private final long thinkMillis;
    private final long[] samples = new long[MAX_SAMPLES];
    private final AtomicInteger sampleCount = new AtomicInteger();
    /** The same, per command the application sent (its first word or two), to see where the time goes. */
    private final java.util.Map<String, java.util.concurrent.ConcurrentLinkedQueue<Long>> byCommand = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong uid = new AtomicLong(System.currentTimeMillis());

    private IvrBenchmark(int port, String caller, long thinkMillis) {
        this.port = port;
        this.caller = caller;
        this.thinkMillis = thinkMillis;
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 4573;
        int concurrent = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        long think = args.length > 3 ? Long.parseLong(args[3]) : 0;
        String caller = args.length > 4 ? args[4] : "13800000001";
        new IvrBenchmark(port, caller, think).run(concurrent, seconds);
    }

    private void run(int concurrent, int seconds) throws InterruptedException {
        long warmUpEnd = System.nanoTime() + 5_000_000_000L;
        long end = warmUpEnd + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(concurrent);
        AtomicInteger active = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        for (int i = 0; i < concurrent; i++) {
            Thread t = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        int now = active.incrementAndGet();
                        peak.accumulateAndGet(now, Math::max);
                        try {
                            boolean measured = System.nanoTime() > warmUpEnd;
                            if (oneCall(measured) && measured) {
                                calls.incrementAndGet();
                            }
                        } catch (IOException e) {
                            failures.incrementAndGet();
                        } finally {
                            active.decrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "caller-" + i);
            t.setDaemon(true);
            t.start();
        }
        done.await();
        int n = Math.min(sampleCount.get(), MAX_SAMPLES);
        long[] sorted = Arrays.copyOf(samples, n);
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "ivr_benchmark callers=%d seconds=%d think_ms=%d calls=%d calls_per_second=%.1f failed=%d"
                + " peak_concurrent=%d%n", concurrent, seconds, thinkMillis, calls.get(), calls.get() / (double) seconds,
                failures.get(), peak.get());
        if (n > 0) {
            System.out.printf(Locale.ROOT, "agi_command_ms samples=%d p50=%.2f p99=%.2f max=%.2f%n", n,
                    sorted[n / 2] / 1e6, sorted[(int) (n * 0.99)] / 1e6, sorted[n - 1] / 1e6);
            byCommand.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e -> {
                long[] times = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf(Locale.ROOT, "  before %-22s samples=%d p50=%.2f p99=%.2f%n", e.getKey(), times.length,
                        times[times.length / 2] / 1e6, times[(int) (times.length * 0.99)] / 1e6);
            });
        }
    }

    /** The command's verb (and object for EXEC / GET / SAY), e.g. "STREAM FILE", "EXEC Dial". */
    private static String kind(String command) {
        String[] words = command.split(" ");
        return words.length > 1 ? words[0] + " " + words[1] : words[0];
    }

    /** One caller: dials, presses 1 at the main menu, # afterwards; returns whether the call ended normally. */
    private boolean oneCall(boolean measured) throws IOException {
        String id = "bench." + uid.incrementAndGet();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            out.write(("agi_network: yes\nagi_network_script: ivr\nagi_request: agi://127.0.0.1/ivr\nagi_channel: PJSIP/bench-" + id
                    + "\nagi_uniqueid: " + id + "\nagi_callerid: " + caller + "\nagi_dnid: 95598\nagi_context: utilitydesk-inbound"
                    + "\nagi_extension: 95598\nagi_priority: 1\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            int menus = 0;
            long repliedAt = System.nanoTime();
            String command;
            while ((command = in.readLine()) != null) {
                long received = System.nanoTime();
                if (measured) {
                    int i = sampleCount.getAndIncrement();
                    if (i < MAX_SAMPLES) {
                        samples[i] = received - repliedAt;
                        byCommand.computeIfAbsent(kind(command), k -> new java.util.concurrent.ConcurrentLinkedQueue<>())
                                .add(received - repliedAt);
                    }
                }
                String reply;
                if (command.startsWith("GET DATA")) {
                    reply = menus++ == 0 ? "200 result=1" : "200 result=#";
                } else if (command.startsWith("HANGUP")) {
                    reply = "200 result=1";
                } else {
                    reply = "200 result=0";
                }
                if (thinkMillis > 0) {
                    try {
                        Thread.sleep(thinkMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted", e);
                    }
                }
                out.write((reply + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                repliedAt = System.nanoTime();
            }
            return menus >= 2;
        }
    }
}
