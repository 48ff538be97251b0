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
 *
 * <pre>java … IvrBenchmark [port 4573] [concurrent callers 500] [seconds 30] [caller 13800000001]</pre>
 */
public final class IvrBenchmark {

    private static final int MAX_SAMPLES = 5_000_000;

    private final int port;
    private final String caller;
    private final long[] samples = new long[MAX_SAMPLES];
    private final AtomicInteger sampleCount = new AtomicInteger();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong uid = new AtomicLong(System.currentTimeMillis());

    private IvrBenchmark(int port, String caller) {
        this.port = port;
        this.caller = caller;
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 4573;
        int concurrent = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        String caller = args.length > 3 ? args[3] : "13800000001";
        new IvrBenchmark(port, caller).run(concurrent, seconds);
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
        System.out.printf(Locale.ROOT, "ivr_benchmark callers=%d seconds=%d calls=%d calls_per_second=%.1f failed=%d peak_concurrent=%d%n",
                concurrent, seconds, calls.get(), calls.get() / (double) seconds, failures.get(), peak.get());
        if (n > 0) {
            System.out.printf(Locale.ROOT, "agi_command_ms samples=%d p50=%.2f p99=%.2f max=%.2f%n", n,
                    sorted[n / 2] / 1e6, sorted[(int) (n * 0.99)] / 1e6, sorted[n - 1] / 1e6);
        }
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
                out.write((reply + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                repliedAt = System.nanoTime();
            }
            return menus >= 2;
        }
    }
}
