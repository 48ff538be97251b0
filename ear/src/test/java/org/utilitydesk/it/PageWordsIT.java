package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every page, rendered as the people who use it see it, in Chinese and in English, with data on it (an order resolved
 * by its crew, one just opened, job executions, report rows): none shows a stored code (an enum constant), an ISO
 * timestamp, a message key or an unfilled placeholder where a person's words belong.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PageWordsIT {

    private static final String AGENT = "agent05";
    private static final String PASSWORD = "words-pass-1";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.realEar();
    }

    @AfterAll
    static void signOut() throws Exception {
        HttpClient.newHttpClient().send(TestEnvironment.as(AGENT, "agent123", TestEnvironment.app("api/agents/me")).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void noPageShowsCodesTimestampsOrKeysInEitherLanguage() throws Exception {
        PageWords words = PageWords.fromSources();
        assertThat(words.constantCount()).as("enum constants read from the sources").isGreaterThan(100);
        TestEnvironment.user("words-super", PASSWORD, null, List.of("SUPERVISOR"));
        TestEnvironment.user("words-admin", PASSWORD, null, List.of("ADMIN"));
        TestEnvironment.user("words-editor", PASSWORD, null, List.of("EDITOR", "AGENT"));

        // an order a crew took, worked and resolved (its history has every kind of entry), and one just opened
        String account = TestEnvironment.accountInAnAreaWithoutFaults();
        String resolved = open(account, "FAULT_REPAIR", "表箱冒烟，已断电");
        await().atMost(Duration.ofSeconds(20)).until(() -> !crewOf(resolved).isEmpty());
        String crew = crewOf(resolved).toLowerCase(java.util.Locale.ROOT) + "1";
        crewAct(crew, resolved, "accept", "");
        crewAct(crew, resolved, "actions", "{\"action\":\"START\",\"note\":\"已到现场\"}");
        crewAct(crew, resolved, "actions", "{\"action\":\"RESOLVE\",\"note\":\"更换表箱熔断器\"}");
        String fresh = open(account, "COMPLAINT", "对上次抢修速度不满意");
        // the SLA watch warns, then escalates it; and the outbox has told someone (as the outbox records it)
        await().atMost(Duration.ofSeconds(20)).until(() -> "DISPATCHED".equals(
                TestEnvironment.row("SELECT state FROM work_order WHERE order_no = ?", fresh).get("state")));
        sql("UPDATE work_order SET dispatched_at = UTC_TIMESTAMP(3) - INTERVAL 90 MINUTE,"
                + " sla_due_at = UTC_TIMESTAMP(3) + INTERVAL 10 MINUTE WHERE order_no = ?", fresh);
        await().atMost(Duration.ofSeconds(30)).until(() -> events(fresh).contains("SLA_WARNING"));
        sql("UPDATE work_order SET sla_due_at = UTC_TIMESTAMP(3) - INTERVAL 1 MINUTE WHERE order_no = ?", fresh);
        await().atMost(Duration.ofSeconds(30)).until(() -> events(fresh).contains("SLA_BREACHED"));
        sql("INSERT INTO work_order_event (id, work_order_id, event_type, from_state, to_state, actor, channel, note, occurred_at)"
                + " SELECT (SELECT MAX(id) + 1000000 FROM work_order_event), w.id, 'NOTIFIED', w.state, w.state, 'outbox', 'SYSTEM',"
                + " 'SMS 139****1234 WORK_ORDER_RESOLVED', UTC_TIMESTAMP(3) FROM work_order w WHERE w.order_no = ?", fresh);
        String customer = TestEnvironment.row("SELECT customer_id FROM work_order WHERE order_no = ?", resolved).get("customer_id");
        String article = TestEnvironment.row("SELECT code FROM kb_article WHERE state = ? ORDER BY id LIMIT 1", "PUBLISHED").get("code");
        // job executions with their steps and parameters, and the day's figures for the reports
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        runToEnd("nightly-statistics", "{\"day\":\"" + today + "\"}");
        runToEnd("overdue-bills", "{\"asOf\":\"" + today + "\"}");

        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put(AGENT + ":agent123", List.of("desk/agent.xhtml", "desk/customers.xhtml", "desk/customer.xhtml?id=" + customer,
                "desk/work-orders.xhtml", "desk/work-order.xhtml?no=" + resolved, "desk/work-order.xhtml?no=" + fresh,
                "desk/knowledge.xhtml", "desk/knowledge.xhtml?q=%E5%81%9C%E7%94%B5", "desk/knowledge.xhtml?code=" + article,
                "desk/review.xhtml", "desk/surveys.xhtml"));
        pages.put("words-editor:" + PASSWORD, List.of("desk/knowledge.xhtml?code=" + article, "desk/article.xhtml?code=" + article,
                "desk/article.xhtml", "desk/review.xhtml"));
        pages.put("words-super:" + PASSWORD, List.of("supervisor/wallboard.xhtml", "supervisor/reports.xhtml", "supervisor/jobs.xhtml",
                "supervisor/dead-letters.xhtml", "desk/work-order.xhtml?no=" + resolved));
        pages.put("words-admin:" + PASSWORD, List.of("admin/logins.xhtml", "supervisor/jobs.xhtml"));
        pages.put(crew + ":crew123", List.of("crew/orders.xhtml", "crew/order.xhtml?no=" + resolved));

        List<String> findings = new ArrayList<>();
        for (String language : new String[] {"zh", "en"}) {
            for (Map.Entry<String, List<String>> person : pages.entrySet()) {
                String[] login = person.getKey().split(":");
                HttpClient http = signIn(login[0], login[1], person.getValue().get(0), language);
                for (String path : person.getValue()) {
                    HttpResponse<String> page = get(http, path);
                    assertThat(page.statusCode()).as(login[0] + " " + path).isEqualTo(200);
                    if ("en".equals(language)) {
                        assertThat(page.body()).as(path + " in English").contains("lang=\"en\"");
                    }
                    words.findings(page.body(), "zh".equals(language)).forEach(f -> findings.add(language + " " + login[0] + " " + path + ": " + f));
                }
                if (person.getKey().startsWith("words-super")) {
                    for (String dimension : new String[] {"CENTER", "QUEUE", "SKILL", "AGENT", "SERVICE_TYPE"}) {
                        String figures = reportOf(http, today, dimension);
                        assertThat(figures).as("report by " + dimension).contains("<tbody>");
                        words.findings(figures, "zh".equals(language))
                                .forEach(f -> findings.add(language + " report " + dimension + ": " + f));
                    }
                }
            }
        }
        for (String path : List.of("portal/faq.xhtml", "portal/faq.xhtml?q=%E5%81%9C%E7%94%B5", "portal/order.xhtml", "login.xhtml")) {
            HttpResponse<String> page = get(HttpClient.newHttpClient(), path);
            words.findings(page.body(), true).forEach(f -> findings.add("zh public " + path + ": " + f));
        }
        assertThat(findings).isEmpty();
    }

    private static HttpClient signIn(String user, String password, String first, String language) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
        get(http, first);
        http.send(HttpRequest.newBuilder(TestEnvironment.app("j_security_check")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=" + user + "&j_password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.discarding());
        String page = get(http, first).body();
        assertThat(page).as(user + " signed in").contains("id=\"session\"");
        if ("en".equals(language)) {
            post(http, first, Map.of("session", "session", "session:language", "session:language",
                    "jakarta.faces.ViewState", TestEnvironment.viewState(page), "primefaces.nonce", TestEnvironment.nonce(page)), false);
        }
        return http;
    }

    /** The report's figures for one day and breakdown, as the page's Ajax update brings them. */
    private static String reportOf(HttpClient http, String day, String dimension) throws Exception {
        String page = get(http, "supervisor/reports.xhtml").body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("jakarta.faces.partial.ajax", "true");
        form.put("jakarta.faces.source", "reports:show");
        form.put("jakarta.faces.partial.execute", "reports:show reports:from reports:to reports:dimension");
        form.put("jakarta.faces.partial.render", "reports:figures reports:messages");
        form.put("reports:show", "reports:show");
        form.put("reports", "reports");
        form.put("reports:from_input", day);
        form.put("reports:to_input", day);
        form.put("reports:dimension_input", dimension);
        form.put("jakarta.faces.ViewState", TestEnvironment.viewState(page));
        form.put("primefaces.nonce", TestEnvironment.nonce(page));
        return post(http, "supervisor/reports.xhtml", form, true).body();
    }

    private static HttpResponse<String> post(HttpClient http, String path, Map<String, String> fields, boolean ajax) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(TestEnvironment.app(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(TestEnvironment.formBody(fields)));
        if (ajax) {
            request.header("Faces-Request", "partial/ajax");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(HttpClient http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(TestEnvironment.app(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String open(String account, String type, String subject) throws Exception {
        HttpResponse<String> created = TestEnvironment.call("agent01", "agent123", "POST", "api/work-orders",
                "{\"type\":\"" + type + "\",\"accountNumber\":\"" + account + "\",\"subject\":\"" + subject
                        + "\",\"description\":\"客户来电说明：表箱有焦味\",\"contactPhone\":\"13900001234\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher m = Pattern.compile("\"orderNo\":\"([^\"]+)\"").matcher(created.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String events(String orderNo) throws Exception {
        return TestEnvironment.row("SELECT GROUP_CONCAT(e.event_type) AS types FROM work_order_event e JOIN work_order w"
                + " ON w.id = e.work_order_id WHERE w.order_no = ?", orderNo).getOrDefault("types", "");
    }

    private static void sql(String statement, String orderNo) throws Exception {
        try (java.sql.Connection c = TestEnvironment.database(); java.sql.PreparedStatement ps = c.prepareStatement(statement)) {
            ps.setString(1, orderNo);
            assertThat(ps.executeUpdate()).as(statement).isEqualTo(1);
        }
    }

    private static String crewOf(String orderNo) throws Exception {
        return TestEnvironment.row("SELECT d.code FROM work_order w JOIN department d ON d.id = w.assigned_department_id"
                + " AND d.kind = 'CREW' WHERE w.order_no = ? AND w.state = 'DISPATCHED'", orderNo).getOrDefault("code", "");
    }

    private static void crewAct(String crew, String orderNo, String what, String json) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(TestEnvironment.as(crew, "crew123",
                        TestEnvironment.app("api/crew/orders/" + orderNo + "/" + what)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(what + " " + answer.body()).isEqualTo(200);
    }

    private static void runToEnd(String job, String parameters) throws Exception {
        HttpResponse<String> started = TestEnvironment.call("supervisor", "super123", "POST", "api/jobs/" + job, parameters);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        Matcher m = Pattern.compile("\"executionId\":(\\d+)").matcher(started.body());
        assertThat(m.find()).isTrue();
        await().atMost(Duration.ofSeconds(60)).until(() -> TestEnvironment.call("supervisor", "super123", "GET",
                "api/jobs/executions/" + m.group(1), null).body().contains("\"batchStatus\":\"COMPLETED\""));
    }
}
