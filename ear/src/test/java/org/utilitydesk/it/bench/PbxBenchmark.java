package org.utilitydesk.it.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.utilitydesk.domain.service.IvrCommandTimes.Histogram;
import org.utilitydesk.it.pbx.ManagerEvents;
import org.utilitydesk.it.pbx.Pbx;
import org.utilitydesk.it.pbx.SippCaller;

/**
 * The IVR through a real Asterisk under load, against a pure-dialplan IVR with the same prompts in the same run
 * (server-config/bin/benchmark-pbx). SIPp callers come in at a fixed rate of new calls a second; each presses 1
 * in the main menu, listens to the bill and hangs up after a fixed time. A caller heard the whole bill if the
 * prompt after it (anything-else) began before the hang-up, as Asterisk reports it. For each rate, both IVRs,
 * the dialplan's first: how many callers heard the whole bill, and the application's own time per AGI command.
 * At the end: the highest rate each sustained with every bill complete, and their ratio.
 */
public final class PbxBenchmark {

    private static final String APPLICATION = "95598";
    private static final String DIALPLAN = "95599";
    private static final String CALLER = "13800000001";

    private final Pbx pbx;
    private final ManagerEvents events;
    private final String[] cli;
    private final AppTimes times;
    private final long pressMillis;
    private final long restMillis;

    private PbxBenchmark(Pbx pbx, ManagerEvents events, String[] cli, AppTimes times, long pressMillis, long restMillis) {
        this.pbx = pbx;
        this.events = events;
        this.cli = cli;
        this.times = times;
        this.pressMillis = pressMillis;
        this.restMillis = restMillis;
    }

    /**
     * Arguments: pbx.properties, the asterisk binary, its asterisk.conf, the URL of the application's command
     * times, the login for it, seconds of calls per rate, seconds each call lasts (0: just long enough for an
     * unloaded call to hear the whole bill), then the rates (new calls/s).
     */
    public static void main(String[] args) throws Exception {
        System.setProperty("it.pbx.config", args[0]);
        String[] cli = {args[1], "-C", args[2], "-rx"};
        AppTimes times = new AppTimes(URI.create(args[3]), args[4]);
        int seconds = Integer.parseInt(args[5]);
        long callMillis = Long.parseLong(args[6]) * 1000;
        List<Integer> rates = new ArrayList<>();
        for (int i = 7; i < args.length; i++) {
            rates.add(Integer.parseInt(args[i]));
        }
        Pbx pbx = Pbx.get();
        try (ManagerEvents events = pbx.events()) {
            events.only("Newchannel|Hangup|AGIExecStart|Newexten");
            // callers press 1 1.2 s into the menu and, unless told how long to stay, hang up 1.5 s after an unloaded
            // call reached the prompt after the bill: any delay the load causes makes a bill incomplete
            PbxBenchmark bench = new PbxBenchmark(pbx, events, cli, times, 0, 0);
            Probe probe = bench.probe();
            long press = probe.menuAfterMillis() + 1_200;
            long hangUp = callMillis > 0 ? callMillis : probe.billHeardAfterMillis() + 1_500;
            bench = new PbxBenchmark(pbx, events, cli, times, press, hangUp - press);
            bench.dialplanIvr(probe.greeting(), probe.bill());
            System.out.printf(Locale.ROOT, "greeting %s; bill: %d prompts; menu at %.1f s, prompt after the bill at %.1f s"
                            + " (one call through the application); callers press 1 at %.1f s and hang up at %.1f s%n",
                    probe.greeting(), probe.bill().split("&").length, probe.menuAfterMillis() / 1e3,
                    probe.billHeardAfterMillis() / 1e3, press / 1e3, hangUp / 1e3);
            int dialplanBest = 0;
            int applicationBest = 0;
            for (int rate : rates) {
                Run dialplan = bench.run(DIALPLAN, rate, seconds);
                Run application = bench.run(APPLICATION, rate, seconds);
                System.out.printf(Locale.ROOT, "rate %d/s: dialplan %d of %d bills complete; application %d of %d complete,"
                                + " agi_command_ms p50=%.2f p99=%.2f p99.9=%.2f max=%.2f (%d commands)%n", rate,
                        dialplan.complete(), dialplan.calls(), application.complete(), application.calls(),
                        application.p(0.5), application.p(0.99), application.p(0.999), application.max(), application.commands());
                if (dialplan.allComplete() && dialplanBest == rate - step(rates, rate)) {
                    dialplanBest = rate;
                }
                if (application.allComplete() && applicationBest == rate - step(rates, rate)) {
                    applicationBest = rate;
                }
            }
            System.out.printf(Locale.ROOT, "sustained_calls_per_s dialplan=%d application=%d ratio=%.2f%n", dialplanBest,
                    applicationBest, dialplanBest == 0 ? 0.0 : (double) applicationBest / dialplanBest);
        }
    }

    /** The rates before this one in the list, as a ladder: a rate counts only if every lower one held too. */
    private static int step(List<Integer> rates, int rate) {
        int index = rates.indexOf(rate);
        return index == 0 ? rate : rate - rates.get(index - 1);
    }

    /**
     * What one call through the application played: before the main menu (the welcome, any outage in the
     * caller's area), the bill, and when the menu and the prompt after the bill began, counted from the answer.
     */
    private record Probe(String greeting, String bill, long menuAfterMillis, long billHeardAfterMillis) {
    }

    private Probe probe() throws IOException {
        try (SippCaller caller = SippCaller.dial(events, APPLICATION, CALLER, "1#")) {
            long answered = System.nanoTime();
            caller.awaitRead("utilitydesk/main-menu");
            long menu = (System.nanoTime() - answered) / 1_000_000;
            caller.press("1");
            caller.awaitRead("utilitydesk/anything-else");
            long heard = (System.nanoTime() - answered) / 1_000_000;
            caller.press("#");
            caller.awaitHangup(Duration.ofSeconds(30));
            List<String> commands = caller.agiCommands();
            int menuAt = commands.indexOf(commands.stream().filter(c -> c.startsWith("GET OPTION utilitydesk/main-menu"))
                    .findFirst().orElseThrow());
            List<String> greeting = new ArrayList<>();
            for (String command : commands.subList(0, menuAt)) {
                if (command.startsWith("STREAM FILE ")) {
                    greeting.add(command.split(" ")[2]);
                } else if (command.startsWith("EXEC Playback ")) {
                    greeting.add(command.substring("EXEC Playback ".length()));
                }
            }
            String playback = commands.subList(menuAt, commands.size()).stream().filter(c -> c.startsWith("EXEC Playback utilitydesk/"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("the probe call heard no bill"));
            return new Probe(String.join("&", greeting), playback.substring("EXEC Playback ".length()), menu, heard);
        }
    }

    /** The same IVR as dialplan on 95599: the probe's greeting, menu (one key), its bill, anything-else, goodbye. */
    private void dialplanIvr(String greeting, String bill) throws IOException, InterruptedException {
        Path include = pbx.home().resolve("etc/benchmark-dialplan.conf");
        Files.writeString(include, String.join("\n",
                "; written by PbxBenchmark: the bill inquiry as dialplan, with the application's prompts",
                "[utilitydesk-inbound]",
                "exten => " + DIALPLAN + ",1,Set(CHANNEL(language)=zh)",
                " same => n,Answer()",
                " same => n,Playback(" + greeting + ")",
                " same => n,Read(KEY,utilitydesk/main-menu,1,,1,5)",
                " same => n,Playback(" + bill + ")",
                " same => n,Read(KEY,utilitydesk/anything-else,1,,1,5)",
                " same => n,Playback(utilitydesk/goodbye)",
                " same => n,Hangup(16)", ""));
        Path extensions = pbx.home().resolve("etc/extensions.conf");
        if (!Files.readString(extensions).contains("#include benchmark-dialplan.conf")) {
            Files.writeString(extensions, "\n#include benchmark-dialplan.conf\n", java.nio.file.StandardOpenOption.APPEND);
        }
        // the sample's modules.conf loads only what the application needs: the dialplan IVR reads keys with Read()
        asterisk("module load app_read.so");
        asterisk("dialplan reload");
    }

    private void asterisk(String command) throws IOException, InterruptedException {
        String[] line = java.util.Arrays.copyOf(cli, cli.length + 1);
        line[cli.length] = command;
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("asterisk -rx '" + command + "' failed: " + out);
        }
    }

    private record Run(int calls, int complete, Histogram agi) {
        boolean allComplete() {
            return calls > 0 && complete == calls;
        }

        double p(double share) {
            return agi == null ? Double.NaN : agi.percentileMicros(share) / 1e3;
        }

        double max() {
            return agi == null ? Double.NaN : agi.maxMicros() / 1e3;
        }

        long commands() {
            return agi == null ? 0 : agi.commands();
        }
    }

    /** rate × seconds callers to {@code number}, then the count of those who heard the whole bill. */
    private Run run(String number, int rate, int seconds) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(Path.of("target", "sipp", "benchmark")).toAbsolutePath();
        Path scenario = dir.resolve("load-caller.xml");
        try (InputStream in = PbxBenchmark.class.getResourceAsStream("/sipp/load-caller.xml")) {
            Files.writeString(scenario, new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)
                    .replace("PCAP_DIR", pbx.get("sipp.pcap.dir")).replace("PRESS_MS", String.valueOf(pressMillis))
                    .replace("REST_MS", String.valueOf(restMillis)), StandardCharsets.ISO_8859_1);
        }
        int calls = rate * seconds;
        Histogram before = number.equals(APPLICATION) ? times.read() : null;
        int from = events.mark();
        Process sipp = new ProcessBuilder("sipp", "-sf", scenario.toString(), "127.0.0.1:" + pbx.get("sip.port"), "-i", "127.0.0.1",
                "-p", pbx.get("trunk.caller.port"), "-mp", pbx.get("caller.media.port"), "-s", number, "-set", "caller", CALLER,
                "-r", String.valueOf(rate), "-rp", "1000", "-m", String.valueOf(calls), "-l", String.valueOf(calls),
                "-nostdin", "-cp", String.valueOf(Integer.parseInt(pbx.get("trunk.caller.port")) + 100), "-ci", "127.0.0.1",
                "-trace_err", "-error_file", dir.resolve("errors-" + number + "-" + rate + ".log").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sipp-" + number + "-" + rate + ".log").toFile()).start();
        if (!sipp.waitFor(seconds + restMillis / 1000 + pressMillis / 1000 + 120, TimeUnit.SECONDS)) {
            sipp.destroyForcibly();
        }
        Thread.sleep(2_000);
        Histogram after = number.equals(APPLICATION) ? times.read() : null;
        Set<String> started = new HashSet<>();
        Set<String> heard = new HashSet<>();
        for (Map<String, String> e : events.since(from, m -> true)) {
            String channel = e.getOrDefault("Channel", "");
            if (!channel.startsWith("PJSIP/trunk-")) {
                continue;
            }
            switch (e.getOrDefault("Event", "")) {
                case "Newchannel" -> started.add(channel);
                case "AGIExecStart" -> {
                    if (e.getOrDefault("Command", "").contains("utilitydesk/anything-else")) {
                        heard.add(channel);
                    }
                }
                case "Newexten" -> {
                    if ("Read".equals(e.get("Application")) && e.getOrDefault("AppData", "").contains("utilitydesk/anything-else")) {
                        heard.add(channel);
                    }
                }
                default -> {
                    // Hangup: only that the call is over
                }
            }
        }
        heard.retainAll(started);
        return new Run(Math.max(calls, started.size()), heard.size(),
                before == null || after == null ? null : after.since(before));
    }
}
