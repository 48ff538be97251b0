package org.utilitydesk.it.pbx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One caller on the carrier's side of the sample trunk: a SIPp process that calls the hotline through the real
 * Asterisk, offering G.711 and RFC 4733 digits. The test presses keys when Asterisk reports that the IVR started
 * reading (an AGI {@code GET DATA} on this call's channel, seen on the manager interface): res_agi drops digits
 * that arrive between commands, as a real caller's would be, so a caller that presses too early is not
 * simulated here. Keys reach SIPp over its twin (3PCC) socket, and it plays them as telephone-events.
 */
public final class SippCaller implements AutoCloseable {

    private static final AtomicInteger MEDIA_PORTS = new AtomicInteger();
    private static final Duration SETUP = Duration.ofSeconds(10);

    private final Pbx pbx;
    private final ManagerEvents events;
    private final Process sipp;
    private final String callId;
    private final Path log;
    private final Socket twin;
    private final OutputStream commands;
    private final String channel;
    private final String uniqueId;
    /** The keys the caller will press, in order, and how many were pressed. */
    private final String plan;
    private int pressed;
    /** Where the next wait starts: waits follow each other through the call's events in order. */
    private int cursor;
    private Map<String, String> hangup;

    private SippCaller(Pbx pbx, ManagerEvents events, String number, String callerNumber, String keys) throws IOException {
        this.pbx = pbx;
        this.events = events;
        this.plan = keys;
        int from = events.mark();
        callId = UUID.randomUUID().toString();
        Path dir = Files.createDirectories(Path.of("target", "sipp", callId)).toAbsolutePath();
        Path scenario = scenario(dir, keys);
        log = dir.resolve("sipp.log");
        int twinPort = freePort();
        int media = pbx.port("caller.media.port") + 4 * (MEDIA_PORTS.getAndIncrement() % 50);
        sipp = new ProcessBuilder("sipp", "-sf", scenario.toString(), "127.0.0.1:" + pbx.sipPort(),
                "-i", "127.0.0.1", "-p", pbx.get("trunk.caller.port"), "-mp", String.valueOf(media),
                "-s", number, "-set", "caller", callerNumber, "-m", "1", "-nostdin",
                "-3pcc", "127.0.0.1:" + twinPort, "-cid_str", callId + "-%u",
                "-cp", String.valueOf(freePort()), "-ci", "127.0.0.1",
                "-trace_err", "-error_file", dir.resolve("errors.log").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        twin = connect(twinPort);
        commands = twin.getOutputStream();
        Map<String, String> created = events.await(from, m -> "Newchannel".equals(m.get("Event"))
                && m.getOrDefault("Channel", "").startsWith("PJSIP/trunk-") && callerNumber.equals(m.get("CallerIDNum")),
                SETUP, "a channel for the call from " + callerNumber);
        channel = created.get("Channel");
        uniqueId = created.get("Uniqueid");
        cursor = from;
    }

    /**
     * Calls {@code number} through the trunk as {@code callerNumber}, who will press {@code keys} in this order (each
     * press is prepared as its own RTP events), and waits until Asterisk has the channel.
     */
    public static SippCaller dial(ManagerEvents events, String number, String callerNumber, String keys) throws IOException {
        return new SippCaller(Pbx.get(), events, number, callerNumber, keys);
    }

    /** The scenario for this call: the resource with one step per planned key press, each with its own pcap. */
    private static Path scenario(Path dir, String keys) throws IOException {
        String speech = Pbx.get().get("sipp.pcap.dir") + "/g711a.pcap";
        StringBuilder steps = new StringBuilder();
        for (int n = 0; n <= keys.length(); n++) {
            steps.append("  <label id=\"w").append(n).append("\"/>\n").append(COMMAND)
                    .append("  <nop next=\"bye\" test=\"khangup\"/>\n")
                    .append("  <nop next=\"s").append(n).append("\" test=\"kspeak\"/>\n");
            if (n < keys.length()) {
                Path pcap = dir.resolve("press-" + n + ".pcap");
                DtmfPcap.write(pcap, n, keys.charAt(n));
                steps.append("  <nop><action><exec play_pcap_audio=\"").append(pcap).append("\"/></action></nop>\n")
                        .append("  <nop next=\"w").append(n + 1).append("\"/>\n");
            } else {
                steps.append("  <nop next=\"w").append(n).append("\"/>\n");
            }
            steps.append("  <label id=\"s").append(n).append("\"/>\n")
                    .append("  <nop><action><exec play_pcap_audio=\"").append(speech).append("\"/></action></nop>\n")
                    .append("  <nop next=\"w").append(n).append("\"/>\n");
        }
        Path file = dir.resolve("caller.xml");
        try (InputStream in = SippCaller.class.getResourceAsStream("/sipp/caller.xml")) {
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int marker = text.indexOf("  <!-- KEYS");
            int after = text.indexOf("-->", marker) + 4;
            Files.writeString(file, text.substring(0, marker) + steps + text.substring(after), StandardCharsets.ISO_8859_1);
        }
        return file;
    }

    /** Waits for the test's next command and sorts it: hang up, speak, or (anything else) press the next key. */
    private static final String COMMAND = """
              <recvCmd>
                <action>
                  <ereg regexp="Key: ([^\\r\\n]+)" search_in="msg" check_it="true" assign_to="command,key"/>
                  <log message="command [$command]"/>
                  <strcmp assign_to="changup" variable="key" value="h"/>
                  <test assign_to="khangup" variable="changup" compare="equal" value="0"/>
                  <strcmp assign_to="cspeak" variable="key" value="speak"/>
                  <test assign_to="kspeak" variable="cspeak" compare="equal" value="0"/>
                </action>
              </recvCmd>
            """;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private Socket connect(int port) throws IOException {
        long deadline = System.nanoTime() + SETUP.toNanos();
        while (true) {
            try {
                return new Socket("127.0.0.1", port);
            } catch (IOException notYet) {
                if (!sipp.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("SIPp did not open its twin socket; its output: " + output(), notYet);
                }
                sleep(50);
            }
        }
    }

    public String uniqueId() {
        return uniqueId;
    }

    public String channel() {
        return channel;
    }

    /**
     * Waits until the IVR starts reading keys with {@code prompt} (e.g. utilitydesk/main-menu: GET OPTION for a
     * menu's one key, GET DATA for a number), after what was awaited last.
     */
    public SippCaller awaitRead(String prompt) {
        Duration limit = Duration.ofSeconds(30);
        cursor = events.awaitIndex(cursor, m -> isCommand(m) && (plain(m.get("Command")).startsWith("GET OPTION " + prompt + " ")
                || plain(m.get("Command")).startsWith("GET DATA " + prompt + " ")), limit, "a read with " + prompt + " on " + channel) + 1;
        return this;
    }

    /** Waits until the IVR starts an AGI command that begins with {@code start} (quotes left out), after what was awaited last. */
    public SippCaller awaitCommand(String start, Duration limit) {
        cursor = events.awaitIndex(cursor, m -> isCommand(m) && plain(m.get("Command")).startsWith(start), limit,
                "'" + start + "…' on " + channel) + 1;
        return this;
    }

    private boolean isCommand(Map<String, String> event) {
        return "AGIExecStart".equals(event.get("Event")) && channel.equals(event.get("Channel")) && event.containsKey("Command");
    }

    /** A command as a person reads it: asterisk-java quotes every argument (and sends empty ones as ""). */
    static String plain(String command) {
        return command.replace("\"\"", "").replace("\"", "").replaceAll("\\s+", " ").strip();
    }

    /** Presses the keys one after another, as RFC 4733 events (140 ms each, 250 ms apart): the next ones of the plan. */
    public SippCaller press(String keys) throws IOException {
        for (char key : keys.toCharArray()) {
            if (pressed >= plan.length() || plan.charAt(pressed) != key) {
                throw new IllegalStateException("the call planned the keys " + plan + "; press " + pressed + " is not " + key);
            }
            send("next");
            pressed++;
            sleep(250);
        }
        return this;
    }

    /** The caller talks for 7 s (a recorded voice, G.711 A-law RTP); returns at once. */
    public SippCaller speak() throws IOException {
        send("speak");
        return this;
    }

    /** The caller hangs up (SIP BYE). */
    public void hangUp() throws IOException {
        send("h");
    }

    private void send(String key) throws IOException {
        // SIPp's twin messages end with ESC; the Call-ID picks the call
        commands.write(("Call-ID: " + callId + "-1\r\nKey: " + key + "\r\n\u001b").getBytes(StandardCharsets.US_ASCII));
        commands.flush();
    }

    /** Waits for the channel's hang-up (whoever ended it) and gives the event (Cause, Cause-txt). */
    public Map<String, String> awaitHangup(Duration limit) {
        if (hangup == null) {
            hangup = events.await(cursor, m -> "Hangup".equals(m.get("Event")) && channel.equals(m.get("Channel")), limit,
                    "the hang-up of " + channel);
        }
        return hangup;
    }

    /** The AGI commands the IVR ran on this call so far, in order, quotes left out. */
    public List<String> agiCommands() {
        return events.since(0, this::isCommand).stream().map(m -> plain(m.get("Command"))).toList();
    }

    /**
     * How each AGI command went, in order, as "command -> Success" or "command -> Failure" (AGIExecEnd's Result:
     * Failure where Asterisk answered -1, e.g. a sound file it could not find).
     */
    public List<String> agiResults() {
        return events.since(0, m -> "AGIExecEnd".equals(m.get("Event")) && channel.equals(m.get("Channel")))
                .stream().map(m -> plain(m.getOrDefault("Command", "")) + " -> " + m.get("Result")).toList();
    }

    private String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "(none)";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hangs up if the call is still up and waits for SIPp to end. */
    @Override
    public void close() throws IOException {
        try {
            if (sipp.isAlive() && hangup == null) {
                hangUp();
            }
            if (!sipp.waitFor(10, TimeUnit.SECONDS)) {
                sipp.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            twin.close();
        }
    }
}
