package org.utilitydesk.it;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@code server-config/bin/benchmark-hostile}: what the tests of slow, huge and malformed requests check, measured on
 * the running demo and printed, in rounds (the first right after a start, the next warm): an agent's page and an API
 * call alone and while 200 connections trickle bodies and 100 trickle headers, and how long until the bodies are given
 * up; the time to refuse 20 MB bodies (stated, chunked) and a 200 MB one sent at 10 MB/s; a real call's first IVR
 * command alone and beside 800 junk FastAGI sessions; malformed JSON bodies refused against accepted. It uses the
 * tests' own clients (here rather than in the bench package for that), and makes two users of its own.
 * <p>Arguments: HTTP port, FastAGI port, JDBC URL, database user, a file holding the database password, the source
 * tree's root, rounds.
 */
public final class HostileClientsBenchmark {

    private static final String OFFICE = "bench-hostile";
    private static final String CREW = "bench-hostile-crew";
    private static final String PASSWORD = "bench-hostile-1";
    private static final int LOGINS = 80;
    private static final int FORMS = 60;
    private static final int API_BODIES = 60;
    private static final int HEADERS = 100;
    private static final long MB = 1024 * 1024;

    private final HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();

    private HostileClientsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("it.http.port", args[0]);
        System.setProperty("it.agi.port", args[1]);
        System.setProperty("it.db.url", args[2]);
        System.setProperty("it.db.user", args[3]);
        System.setProperty("it.db.password", Files.readString(Path.of(args[4])).strip());
        Path root = Path.of(args[5]);
        int rounds = args.length > 6 ? Integer.parseInt(args[6]) : 2;
        TestEnvironment.everyRole(OFFICE, CREW, PASSWORD);
        HostileClientsBenchmark bench = new HostileClientsBenchmark();
        bench.login();
        for (int round = 1; round <= rounds; round++) {
            System.out.printf("%n== round %d of %d%s%n", round, rounds, round == 1 ? " (as the server was found)" : " (warm)");
            bench.slowClients();
            bench.bodyLimits();
            bench.junkAgiSessions();
            // a client of its own: the browser's session would stand for the crew member's credentials
            MalformedBodies.Outcome malformed = MalformedBodies.sendToEveryMethod(HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1).build(), root, OFFICE, CREW, PASSWORD);
            System.out.println("malformed JSON: " + malformed);
            malformed.wrong().stream().limit(10).forEach(w -> System.out.println("  not refused as it should be: " + w));
        }
    }

    private void slowClients() throws Exception {
        HttpRequest page = HttpRequest.newBuilder(TestEnvironment.app("desk/customers.xhtml")).GET().build();
        HttpRequest api = TestEnvironment.as(OFFICE, PASSWORD, TestEnvironment.app("api/customers/" + TestEnvironment.FIRST_ACCOUNT))
                .GET().build();
        String pageAlone = timed(page, 20);
        String apiAlone = timed(api, 20);
        String basic = "Authorization: Basic " + Base64.getEncoder().encodeToString((OFFICE + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8)) + "\r\n";
        List<SlowSender> slow = new ArrayList<>();
        long held;
        try {
            for (int i = 0; i < LOGINS; i++) {
                slow.add(new SlowSender("login", SlowSender.post("j_security_check", "application/x-www-form-urlencoded", "", 4000)
                        + "j_username=a"));
            }
            for (int i = 0; i < FORMS; i++) {
                slow.add(new SlowSender("form", SlowSender.post("login.xhtml", "application/x-www-form-urlencoded", "", 4000) + "x="));
            }
            for (int i = 0; i < API_BODIES; i++) {
                slow.add(new SlowSender("api", SlowSender.post("api/work-orders", "application/json", basic, 100_000)
                        + "{\"subject\":\""));
            }
            for (int i = 0; i < HEADERS; i++) {
                slow.add(new SlowSender("headers", "GET /utilitydesk/login.xhtml HTTP/1.1\r\nHost: localhost\r\nX-Slow: "));
            }
            long opened = System.nanoTime();
            Thread trickler = SlowSender.trickle(slow);
            try {
                Thread.sleep(3000);
                String pageHeld = timed(page, 20);
                String apiHeld = timed(api, 20);
                System.out.printf("slow clients: %d trickling bodies and %d trickling headers held%n", LOGINS + FORMS + API_BODIES, HEADERS);
                System.out.printf("  agent's page: alone %s, while held %s%n", pageAlone, pageHeld);
                System.out.printf("  API call:     alone %s, while held %s%n", apiAlone, apiHeld);
                long until = System.currentTimeMillis() + 60_000;
                while (System.currentTimeMillis() < until
                        && slow.stream().filter(s -> !s.kind.equals("headers")).anyMatch(s -> s.answer == null)) {
                    Thread.sleep(200);
                }
                held = (System.nanoTime() - opened) / 1_000_000;
            } finally {
                trickler.interrupt();
                trickler.join();
            }
            Map<String, Map<String, Integer>> answers = SlowSender.answers(slow);
            answers.remove("headers");
            System.out.printf("  bodies answered %s, the last %.1f s after they opened%n", answers, held / 1000.0);
        } finally {
            slow.forEach(SlowSender::close);
        }
    }

    private void bodyLimits() throws Exception {
        List<Long> stated = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            RawPost.Answer a = RawPost.post("api/work-orders", "{\"subject\":\"", 20 * MB, false, 0, "zh-CN");
            stated.add(a.status() == 413 ? a.millis() : -a.status());
        }
        RawPost.Answer chunkedBatch = RawPost.post("api/work-orders/batch", "[{\"subject\":\"", 20 * MB, true, 0, "zh-CN");
        RawPost.Answer chunkedOrder = RawPost.post("api/work-orders", "{\"subject\":\"", 20 * MB, true, 0, "zh-CN");
        RawPost.Answer slow = RawPost.post("api/work-orders", "{\"subject\":\"", 200 * MB, true, 10 * MB, "zh-CN");
        System.out.printf("body limits: 20 MB with its length stated: 413 in %s ms; chunked: to the 8 MB batch %d %d ms, to a"
                        + " 256 KB order %d %d ms; 200 MB chunked at 10 MB/s: %d after %d ms, %.1f MB sent%n", stated,
                chunkedBatch.status(), chunkedBatch.millis(), chunkedOrder.status(), chunkedOrder.millis(), slow.status(),
                slow.millis(), slow.bytesSent() / (double) MB);
    }

    private void junkAgiSessions() throws Exception {
        List<Long> usual = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            usual.add(firstCommandMillis());
        }
        List<ScriptedAsterisk.Call> junk = new ArrayList<>();
        try {
            for (int i = 0; i < 800; i++) {
                junk.add(ScriptedAsterisk.junk(i));
            }
            List<Long> under = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                under.add(firstCommandMillis());
            }
            int closed = 0;
            for (int i = 0; i < junk.size(); i++) {
                if (i % 4 != 3 && junk.get(i).closedSilently()) {
                    closed++;
                }
            }
            System.out.printf("FastAGI: a real call's first command alone %s ms, beside 800 junk sessions %s ms; %d of 600 junk"
                    + " requests closed without a command%n", usual, under, closed);
        } finally {
            for (ScriptedAsterisk.Call call : junk) {
                call.close();
            }
        }
    }

    private static long firstCommandMillis() throws Exception {
        long start = System.nanoTime();
        try (ScriptedAsterisk.Call call = ScriptedAsterisk.dial("ivr", TestEnvironment.FIRST_MOBILE)) {
            String first = call.nextCommand();
            long millis = (System.nanoTime() - start) / 1_000_000;
            return "ANSWER".equals(first) ? millis : -millis;
        }
    }

    private void login() throws Exception {
        browser.send(HttpRequest.newBuilder(TestEnvironment.app("desk/customers.xhtml")).GET().build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> landed = browser.send(HttpRequest.newBuilder(TestEnvironment.app("j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=" + OFFICE + "&j_password="
                        + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        if (landed.uri().getPath().endsWith("login.xhtml")) {
            throw new IllegalStateException("could not log in as " + OFFICE);
        }
    }

    /** p50 / max over {@code times} calls, in ms; a call that is not 200 is counted and named. */
    private String timed(HttpRequest request, int times) throws Exception {
        List<Long> millis = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            HttpResponse<String> answer = browser.send(request, HttpResponse.BodyHandlers.ofString());
            millis.add((System.nanoTime() - start) / 1_000_000);
            failed += answer.statusCode() == 200 ? 0 : 1;
        }
        Collections.sort(millis);
        return String.format("p50 %d ms, max %d ms%s", millis.get(times / 2), millis.get(times - 1),
                failed == 0 ? "" : " (" + failed + " not 200)");
    }
}
