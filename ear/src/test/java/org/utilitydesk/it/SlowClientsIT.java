package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.utilitydesk.it.TestEnvironment.FIRST_ACCOUNT;
import static org.utilitydesk.it.TestEnvironment.app;
import static org.utilitydesk.it.TestEnvironment.as;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Someone with a script on the same network cannot take the desk from the agents by sending requests slowly: 200
 * connections feeding request bodies a byte a second (to the login, a page's form and the API) and 100 feeding their
 * headers that way, all at once, while an agent's page and an API call are timed. Each must answer within a second,
 * and the bodies the application reads are given up (408) once they fall behind their pace.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SlowClientsIT {

    private static final int LOGINS = 80;
    private static final int FORMS = 60;
    private static final int API_BODIES = 60;
    private static final int HEADERS = 100;

    private final HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.realEar();
    }

    @Test
    void twoHundredTricklingBodiesLeaveAnAgentsPageAndAnApiCallUnderASecond() throws Exception {
        ServerLog log = ServerLog.ofTestDomain();
        login("agent03", "agent123");
        HttpRequest page = HttpRequest.newBuilder(app("desk/customers.xhtml")).header("Accept-Language", "zh-CN").GET().build();
        HttpRequest api = as("agent01", "agent123", app("api/customers/" + FIRST_ACCOUNT)).GET().build();
        List<Long> usualPage = timed(page, 5);
        List<Long> usualApi = timed(api, 5);

        String basic = "Authorization: Basic " + Base64.getEncoder().encodeToString("agent01:agent123".getBytes(StandardCharsets.UTF_8)) + "\r\n";
        List<SlowSender> slow = new ArrayList<>();
        try {
            for (int i = 0; i < LOGINS; i++) {
                slow.add(new SlowSender("login", SlowSender.post("j_security_check", "application/x-www-form-urlencoded", "", 4000) + "j_username=a"));
            }
            for (int i = 0; i < FORMS; i++) {
                slow.add(new SlowSender("form", SlowSender.post("login.xhtml", "application/x-www-form-urlencoded", "", 4000) + "x="));
            }
            for (int i = 0; i < API_BODIES; i++) {
                slow.add(new SlowSender("api", SlowSender.post("api/work-orders", "application/json", basic, 100_000) + "{\"subject\":\""));
            }
            for (int i = 0; i < HEADERS; i++) {
                slow.add(new SlowSender("headers", "GET /utilitydesk/login.xhtml HTTP/1.1\r\nHost: localhost\r\nX-Slow: "));
            }
            Thread trickler = SlowSender.trickle(slow);
            try {
                Thread.sleep(3000);
                List<Long> pageUnder = timed(page, 10);
                List<Long> apiUnder = timed(api, 10);
                System.out.printf("%d slow bodies and %d slow headers held: agent's page %s ms (usual %s), API call %s ms (usual %s)%n",
                        LOGINS + FORMS + API_BODIES, HEADERS, pageUnder, usualPage, apiUnder, usualApi);
                assertThat(pageUnder).as("an agent's page while slow clients are held, ms").allMatch(ms -> ms < 1000);
                assertThat(apiUnder).as("an API call while slow clients are held, ms").allMatch(ms -> ms < 1000);

                // every body the application reads is given up when it falls behind (10 s grace, then 2 KB a second)
                long until = System.currentTimeMillis() + 40_000;
                while (System.currentTimeMillis() < until
                        && slow.stream().filter(s -> !s.kind.equals("headers")).anyMatch(s -> s.answer == null)) {
                    Thread.sleep(500);
                }
            } finally {
                trickler.interrupt();
                trickler.join();
            }
            Map<String, Map<String, Integer>> answers = SlowSender.answers(slow);
            Map<String, Long> latest = new ConcurrentHashMap<>();
            for (SlowSender s : slow) {
                if (s.answer != null) {
                    latest.merge(s.kind, s.answeredMillis, Math::max);
                }
            }
            System.out.printf("slow senders' answers: %s; given up at the latest after (ms) %s%n", answers, latest);
            assertThat(answers.get("login")).isEqualTo(Map.of("408", LOGINS));
            assertThat(answers.get("form")).isEqualTo(Map.of("408", FORMS));
            assertThat(answers.get("api")).isEqualTo(Map.of("408", API_BODIES));
            assertThat(latest.get("login")).isLessThan(20_000);
        } finally {
            slow.forEach(SlowSender::close);
        }
        assertThat(log.withStackTraces()).isEmpty();
    }

    private void login(String user, String password) throws Exception {
        browser.send(HttpRequest.newBuilder(app("desk/customers.xhtml")).GET().build(), HttpResponse.BodyHandlers.discarding());
        String form = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&j_password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> landed = browser.send(HttpRequest.newBuilder(app("j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(landed.uri().getPath()).as("logged in").doesNotEndWith("login.xhtml");
    }

    private List<Long> timed(HttpRequest request, int times) throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            HttpResponse<String> answer = browser.send(request, HttpResponse.BodyHandlers.ofString());
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(answer.statusCode()).as(request.uri() + " answered").isEqualTo(200);
        }
        return millis;
    }
}
