package org.utilitydesk.it.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.utilitydesk.domain.service.IvrCommandTimes.Bucket;
import org.utilitydesk.domain.service.IvrCommandTimes.Histogram;

/**
 * Many scripted callers at once through the bill-inquiry path (press 1, hear the bill, press # to end),
 * over the real FastAGI protocol against a running instance. Prints calls per second, concurrency, and
 * the time per AGI command twice: as the application measured it on its socket (from reading our reply to
 * sending its next command, {@code GET /api/telephony/ivr-command-times} read before and after the
 * measured stretch), and as the callers saw it (from our reply to its next command arriving, also per
 * command), which adds both kernels' and this program's own waits for a core. Each reply waits 50-150% of
 * {@code think} ms first, as Asterisk does while prompts of different lengths play or the caller keys (a
 * Playback of several prompts that many times as long, so a call lasts as long whether its sentences come as
 * one command or many): with 0 every caller fires its next command at once (a stress test far beyond real traffic). Callers ring in one after another over the first 2 s.
 * <p>
 * Neither is decoration: callers who all ring in the same instant and all answer exactly {@code think} ms
 * later stay in lock-step, and the application then gets every caller's command in the same few
 * milliseconds and nothing in between; the p99 measures those waves, which no real switch produces.
 * All callers are driven by one thread with non-blocking sockets, as Asterisk drives its channels.
 *
 * <pre>java … IvrBenchmark [port 4573] [concurrent callers 500] [seconds 30] [think ms 0] [caller 13800000001]
 *          [times URL http://127.0.0.1:8080/utilitydesk/api/telephony/ivr-command-times] [login admin:admin123]</pre>
 */
public final class IvrBenchmark {

    private static final long WARM_UP_NANOS = 5_000_000_000L;
    private static final long SILENCE_LIMIT_NANOS = 30_000_000_000L;
    /** Callers ring in one after another over the first 2 s, not all in the same instant. */
    private static final long RAMP_NANOS = 2_000_000_000L;

    private final InetSocketAddress address;
    private final String caller;
    private final long thinkNanos;
    private final Selector selector;
    /** Callers whose reply is due after their think time, earliest first. */
    private final PriorityQueue<Due> due = new PriorityQueue<>(Comparator.comparingLong(Due::at));
    private final Random random = new Random(1);
    private final Map<String, Samples> byCommand = new TreeMap<>();
    private final Samples all = new Samples();
    private long calls;
    private long failures;
    private long uid = System.currentTimeMillis();
    private int active;
    private int peak;

    private IvrBenchmark(int port, String caller, long thinkMillis) throws IOException {
        this.address = new InetSocketAddress("127.0.0.1", port);
        this.caller = caller;
        this.thinkNanos = thinkMillis * 1_000_000L;
        this.selector = Selector.open();
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 4573;
        int concurrent = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        long think = args.length > 3 ? Long.parseLong(args[3]) : 0;
        String caller = args.length > 4 ? args[4] : "13800000001";
        URI timesUri = URI.create(args.length > 5 ? args[5] : "http://127.0.0.1:8080/utilitydesk/api/telephony/ivr-command-times");
        String login = args.length > 6 ? args[6] : "admin:admin123";
        new IvrBenchmark(port, caller, think).run(concurrent, seconds, new AppTimes(timesUri, login));
    }

    /** One caller's call in progress: the bytes of the command being received and where the script is. */
    private final class Caller {
        final SocketChannel channel;
        final boolean measured;
        final ByteBuffer in = ByteBuffer.allocate(4096);
        final StringBuilder line = new StringBuilder();
        int menus;
        long repliedAt;
        String reply;

        Caller(SocketChannel channel, boolean measured) {
            this.channel = channel;
            this.measured = measured;
        }
    }

    private void run(int concurrent, int seconds, AppTimes appTimes) throws IOException {
        long start = System.nanoTime();
        long warmUpEnd = start + WARM_UP_NANOS;
        long end = warmUpEnd + seconds * 1_000_000_000L;
        for (int i = 0; i < concurrent; i++) {
            later(start + i * RAMP_NANOS / concurrent, () -> dial(warmUpEnd));
        }
        long nextSilenceCheck = start;
        Histogram appBefore = null;
        Histogram appAfter = null;
        while (active > 0 || !due.isEmpty()) {
            long now = System.nanoTime();
            // read between two turns of the loop: a reading takes a few ms, in which replies wait a little
            if (appBefore == null && now >= warmUpEnd) {
                appBefore = appTimes.read();
                appBefore = appBefore == null ? EMPTY : appBefore;
            } else if (appAfter == null && now >= end) {
                appAfter = appTimes.read();
                appAfter = appAfter == null ? EMPTY : appAfter;
            }
            runDue(now);
            // select waits whole milliseconds: round up, or the last fraction of a millisecond would be a busy loop
            long wait = due.isEmpty() ? 1000 : Math.max(0, (due.peek().at() - now + 999_999L) / 1_000_000L);
            if (wait == 0) {
                selector.selectNow();
            } else {
                selector.select(wait);
            }
            for (SelectionKey key : selector.selectedKeys()) {
                Caller call = (Caller) key.attachment();
                try {
                    if (key.isConnectable()) {
                        connected(call, key);
                    } else if (key.isReadable()) {
                        received(call, key, end, warmUpEnd);
                    }
                } catch (IOException e) {
                    failures++;
                    hangUp(call, key, end, warmUpEnd);
                }
            }
            selector.selectedKeys().clear();
            if (System.nanoTime() > nextSilenceCheck) {
                silentTooLong(System.nanoTime(), end, warmUpEnd);
                nextSilenceCheck = System.nanoTime() + 1_000_000_000L;
            }
        }
        report(concurrent, seconds);
        reportApplication(appBefore, appAfter, appTimes.problem);
    }

    private static final Histogram EMPTY = new Histogram(0, List.of());

    /** The application's own times over the measured stretch (the callers' last calls ending after it are not in them). */
    private static void reportApplication(Histogram before, Histogram after, String problem) {
        if (problem != null || before == null || after == null) {
            System.out.println("app_agi_command_ms not read: " + (problem == null ? "the run ended before the reading" : problem));
            return;
        }
        Histogram run = after.since(before);
        System.out.printf(Locale.ROOT, "app_agi_command_ms samples=%d p50=%.2f p99=%.2f p99.9=%.2f max=%.2f"
                + " (as the application measured it; ranges 1/16 wide, upper ends)%n", run.commands(),
                run.percentileMicros(0.5) / 1e3, run.percentileMicros(0.99) / 1e3, run.percentileMicros(0.999) / 1e3,
                run.maxMicros() / 1e3);
    }

    /** A new call: connects and, once connected, sends the AGI environment as Asterisk does. */
    private void dial(long warmUpEnd) throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
        Caller call = new Caller(channel, System.nanoTime() > warmUpEnd);
        channel.register(selector, SelectionKey.OP_CONNECT, call);
        channel.connect(address);
        active++;
        peak = Math.max(peak, active);
    }

    private void connected(Caller call, SelectionKey key) throws IOException {
        call.channel.finishConnect();
        String id = "bench." + (++uid);
        send(call, org.utilitydesk.it.AgiEnvironment.of("ivr", caller, id, call.channel.socket().getPort()));
        call.repliedAt = System.nanoTime();
        key.interestOps(SelectionKey.OP_READ);
    }

    private void received(Caller call, SelectionKey key, long end, long warmUpEnd) throws IOException {
        int n = call.channel.read(call.in);
        long received = System.nanoTime();
        if (n < 0) {
            if (call.menus >= 2 && call.measured) {
                calls++;
            } else if (call.menus < 2) {
                failures++;
            }
            hangUp(call, key, end, warmUpEnd);
            return;
        }
        call.in.flip();
        while (call.in.hasRemaining()) {
            byte b = call.in.get();
            if (b != '\n') {
                call.line.append((char) (b & 0xff));
                continue;
            }
            String command = call.line.toString();
            call.line.setLength(0);
            if (call.measured) {
                long took = received - call.repliedAt;
                all.add(took);
                byCommand.computeIfAbsent(kind(command), k -> new Samples()).add(took);
            }
            call.reply = reply(call, command);
            call.repliedAt = received; // until the reply goes out, so a missing reply shows as silence
            if (thinkNanos == 0) {
                sendReply(call);
            } else {
                long playing = thinkNanos * files(command); // a sentence of several prompts plays as long as they all do
                later(received + playing / 2 + (long) (random.nextDouble() * playing), () -> sendReply(call));
            }
        }
        call.in.clear();
    }

    /** How many sound files a command plays: Playback(a&b&c) plays three, in as long as three commands of one would. */
    private static int files(String command) {
        return command.startsWith("EXEC \"Playback\"") ? command.split("&", -1).length : 1;
    }

    /**
     * Asterisk's answer: key 1 at the main menu, # at every later menu (GET OPTION gives the key's character code),
     * success for everything else.
     */
    private static String reply(Caller call, String command) {
        if (command.startsWith("GET OPTION")) {
            return call.menus++ == 0 ? "200 result=49 endpos=0\n" : "200 result=35 endpos=0\n";
        }
        return command.startsWith("HANGUP") ? "200 result=1\n" : "200 result=0\n";
    }

    /** Something to do at a moment: a caller dialling in, a reply after its think time. */
    private record Due(long at, Action action) {
    }

    private interface Action {
        void run() throws IOException;
    }

    private void later(long at, Action action) {
        due.add(new Due(at, action));
    }

    private void runDue(long now) {
        while (!due.isEmpty() && due.peek().at() <= now) {
            try {
                due.poll().action().run();
            } catch (IOException e) {
                failures++;
            }
        }
    }

    private void sendReply(Caller call) throws IOException {
        if (call.channel.isOpen()) {
            send(call, call.reply);
            call.repliedAt = System.nanoTime();
        }
    }

    private static void send(Caller call, String text) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (out.hasRemaining()) {
            call.channel.write(out); // a few bytes into an empty socket buffer: never more than one pass in practice
        }
    }

    /** The call is over (or broken): the caller rings again until the run ends. */
    private void hangUp(Caller call, SelectionKey key, long end, long warmUpEnd) throws IOException {
        key.cancel();
        closeQuietly(call);
        active--;
        if (System.nanoTime() < end) {
            dial(warmUpEnd);
        }
    }

    /** A call the application has not spoken on for 30 s counts as failed, as a stuck channel would. */
    private void silentTooLong(long now, long end, long warmUpEnd) throws IOException {
        List<SelectionKey> stuck = new ArrayList<>();
        for (SelectionKey key : selector.keys()) {
            Caller call = (Caller) key.attachment();
            if (key.isValid() && call.repliedAt > 0 && now - call.repliedAt > SILENCE_LIMIT_NANOS) {
                stuck.add(key);
            }
        }
        for (SelectionKey key : stuck) {
            failures++;
            hangUp((Caller) key.attachment(), key, end, warmUpEnd);
        }
    }

    private static void closeQuietly(Caller call) {
        try {
            call.channel.close();
        } catch (IOException ignored) {
            // closing a socket the other side already closed
        }
    }

    private void report(int concurrent, int seconds) {
        System.out.printf(Locale.ROOT, "ivr_benchmark callers=%d seconds=%d think_ms=%d calls=%d calls_per_second=%.1f failed=%d"
                + " peak_concurrent=%d%n", concurrent, seconds, thinkNanos / 1_000_000L, calls, calls / (double) seconds,
                failures, peak);
        if (all.size > 0) {
            long[] sorted = all.sorted();
            System.out.printf(Locale.ROOT, "caller_agi_command_ms samples=%d p50=%.2f p99=%.2f max=%.2f (as the callers saw it)%n", sorted.length,
                    at(sorted, 0.5), at(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
            byCommand.forEach((command, samples) -> {
                long[] times = samples.sorted();
                System.out.printf(Locale.ROOT, "  before %-22s samples=%d p50=%.2f p99=%.2f%n", command, times.length,
                        at(times, 0.5), at(times, 0.99));
            });
        }
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[(int) (sorted.length * quantile)] / 1e6;
    }

    /** The command's verb (and object for EXEC / GET / SAY), e.g. "STREAM FILE", "EXEC Dial". */
    private static String kind(String command) {
        String[] words = command.split(" ");
        return words.length > 1 ? words[0] + " " + words[1] : words[0];
    }

    /** Nanosecond samples, growing as needed (one thread adds them). */
    private static final class Samples {
        long[] values = new long[1024];
        int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] sorted() {
            long[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }
    }
}
