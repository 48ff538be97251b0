package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.utilitydesk.it.WalkFindings.abbreviated;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every API method and every page, called as a careless channel or an attacker would: path, query and form values
 * missing, empty, overlong, malformed, overflowing, impossible as dates, with NUL, emoji and right-to-left marks, path
 * traversal in names; bodies that are not JSON, the wrong JSON, too deep or too large, or not UTF-8. No answer may be
 * a 5xx or show a stack trace, and the server log may hold no stack trace from the walk. The methods are read from
 * the source ({@link ApiEndpoints}), the pages from the web module's folder, so a new one is walked too.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadRequestWalkIT {

    private static final Path ROOT = Path.of(System.getProperty("it.root", ".."));
    private static final Path SERVER_LOG = Path.of(System.getProperty("it.domain.dir",
            "../.runtime/payara6/glassfish/domains/utilitydesk-test")).resolve("logs/server.log");
    private static final String WALKER = "walker";
    private static final String WALKER_CREW = "walker-crew";
    private static final String PASSWORD = "walk-the-walk-1";

    private static final List<String> PATH_VALUES = List.of("0", "-1", "99999999999999999999999", "abc", "%00", "%20",
            "%E2%80%AE", "%F0%9F%94%A5", "..%2F..%2Fetc%2Fpasswd", "x".repeat(300), "null", "1.5");
    private static final List<String> QUERY_VALUES = List.of("", "-1", "99999999999999999999", "abc", "2026-02-30",
            "%00", "x".repeat(5000), "%E2%80%AE%F0%9F%94%A5", "1.5", "true", "..%2F..%2Fetc%2Fpasswd");
    private static final List<String> JSON_BODIES = List.of("", "{", "[]", "null", "\"x\"", "{\"a\":", "{}", "[{}]",
            "{\"subject\":true,\"type\":7,\"accountNumber\":[]}", "{\"versionNo\":4294967297,\"score\":1e400,\"action\":{}}",
            "{\"day\":\"2026-02-30\",\"from\":\"0000-00-00\",\"id\":-9223372036854775809}",
            "{\"subject\":\"\\u0000\\u202e\\ud83d\\udd25\"} trailing", "[".repeat(5000) + "]".repeat(5000),
            "{\"subject\":\"" + "长".repeat(1_000_000) + "\"}");
    private static final List<String> FORM_VALUES = List.of("", "x".repeat(5000), "\u0000\u202e\ud83d\udd25", "-1",
            "99999999999999999999", "2026-02-30", "../../etc/passwd");
    private static final List<String> FILE_NAMES = List.of("", "..%2F..%2Fetc%2Fpasswd", "a%2Fb.jpg", "%00.jpg",
            "x".repeat(400) + ".png", "%E2%80%AEgpj.exe");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private WalkFindings findings;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.realEar();
    }

    /** A user of every office role and a crew member, so the walk gets past the role checks to the parameters. */
    @BeforeAll
    static void walkers() throws Exception {
        TestEnvironment.everyRole(WALKER, WALKER_CREW, PASSWORD);
    }

    @Test
    void noApiMethodAnswersBadInputWithA5xxOrAStackTrace() throws Exception {
        findings = new WalkFindings(SERVER_LOG);
        List<ApiEndpoints.Endpoint> endpoints = ApiEndpoints.declared(ROOT);
        assertThat(endpoints).as("API methods found in the source").hasSizeGreaterThan(50);
        for (ApiEndpoints.Endpoint e : endpoints) {
            String user = e.path().startsWith("crew/") ? WALKER_CREW : e.path().startsWith("portal/") ? null : WALKER;
            for (String param : e.pathParams()) {
                for (String value : PATH_VALUES) {
                    call(e, user, ApiEndpoints.filled(e, param, value), e.body() ? "{}" : null);
                }
            }
            for (String param : e.queryParams()) {
                for (String value : QUERY_VALUES) {
                    call(e, user, ApiEndpoints.filled(e, null, null) + "?" + param + "=" + value, e.body() ? "{}" : null);
                }
            }
            if (e.body() && e.consumes().contains("json")) {
                for (String body : JSON_BODIES) {
                    call(e, user, ApiEndpoints.filled(e, null, null), body);
                }
                callBytes(e, user, ApiEndpoints.filled(e, null, null), new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
            }
            if (e.body() && e.consumes().contains("octet")) {
                for (String name : FILE_NAMES) {
                    callBytes(e, user, ApiEndpoints.filled(e, null, null) + "?name=" + name, new byte[0]);
                    callBytes(e, user, ApiEndpoints.filled(e, null, null) + "?name=" + name, "GIF89a not an image".getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        findings.nothingWentWrong(endpoints.size() + " API methods");
    }

    @Test
    void noPageAnswersBadParametersWithA5xxOrAStackTrace() throws Exception {
        findings = new WalkFindings(SERVER_LOG);
        Map<String, List<String>> pages = pagesWithParameters();
        assertThat(pages).as("pages found").hasSizeGreaterThan(15);
        HttpClient browser = signedIn(WALKER);
        HttpClient crew = signedIn(WALKER_CREW);
        for (Map.Entry<String, List<String>> page : pages.entrySet()) {
            HttpClient as = page.getKey().startsWith("crew/") ? crew : browser;
            List<String> params = new ArrayList<>(page.getValue());
            params.add("bogus");
            getPage(as, page.getKey());
            for (String param : params) {
                for (String value : QUERY_VALUES) {
                    getPage(as, page.getKey() + "?" + param + "=" + value);
                }
            }
        }
        findings.nothingWentWrong(pages.size() + " pages");
    }

    /**
     * Every button of every form, pressed with every field holding a bad value, as {@link FormWalk} does. Buttons in
     * table rows act on a row that exists (a call, a retry, a restart) rather than on what was typed, and are left out.
     */
    @Test
    void noFormAnswersBadValuesWithA5xxOrAStackTrace() throws Exception {
        findings = new WalkFindings(SERVER_LOG);
        List<String> pages = new ArrayList<>(pagesWithParameters().keySet());
        pages.addAll(pagesOfThingsOfTheWalk());
        HttpClient browser = signedIn(WALKER);
        HttpClient crew = signedIn(WALKER_CREW);
        int forms = 0;
        for (String page : pages) {
            forms += new FormWalk(findings, page.startsWith("crew/") ? crew : browser, page).walk(FORM_VALUES);
        }
        assertThat(forms).as("forms found").isGreaterThan(10);
        findings.nothingWentWrong(forms + " forms");
    }

    /**
     * Pages that show their forms only for something that exists: a work order and an article of the walk's own (the
     * walk may well resolve or rewrite them), the order dispatched to the crew the walking crew member is put in.
     */
    private List<String> pagesOfThingsOfTheWalk() throws Exception {
        HttpResponse<String> order = http.send(TestEnvironment.as(WALKER, PASSWORD, TestEnvironment.app("api/work-orders"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"type\":\"FAULT_REPAIR\",\"accountNumber\":\"" + TestEnvironment.FIRST_ACCOUNT
                                + "\",\"subject\":\"巡检工单\",\"contactPhone\":\"13800000001\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(order.statusCode()).as(order.body()).isEqualTo(201);
        String orderNo = field(order.body(), "orderNo");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> TestEnvironment.row(
                "SELECT assigned_department_id FROM work_order WHERE order_no = ?", orderNo).get("assigned_department_id") != null);
        String crew = TestEnvironment.row("SELECT assigned_department_id FROM work_order WHERE order_no = ?", orderNo)
                .get("assigned_department_id");
        try (Connection c = TestEnvironment.database();
             PreparedStatement ps = c.prepareStatement("UPDATE app_user SET department_id = ? WHERE username = ?")) {
            ps.setLong(1, Long.parseLong(crew));
            ps.setString(2, WALKER_CREW);
            ps.executeUpdate();
        }
        HttpResponse<String> article = http.send(TestEnvironment.as(WALKER, PASSWORD, TestEnvironment.app("api/knowledge/articles"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"categoryCode\":\"BUSINESS\",\"audience\":\"INTERNAL\",\"title\":\"巡检用文章\","
                                + "\"answer\":\"巡检时创建，内容无意义。\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(article.statusCode()).as(article.body()).isEqualTo(201);
        String code = field(article.body(), "code");
        return List.of("desk/work-order.xhtml?no=" + orderNo, "crew/order.xhtml?no=" + orderNo,
                "desk/article.xhtml?code=" + code, "desk/knowledge.xhtml?code=" + code);
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }

    /** Leaves the walker signed out of the ACD whatever the walk did, so no call of a later test is offered to it. */
    @AfterAll
    static void signOutOfTheAcd() throws Exception {
        HttpClient.newHttpClient().send(TestEnvironment.as(WALKER, PASSWORD, TestEnvironment.app("api/agents/me")).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private static HttpClient signedIn(String user) throws Exception {
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        login(browser, user);
        return browser;
    }

    // ---------------------------------------------------------------------------------------------- the calls


    private void call(ApiEndpoints.Endpoint e, String user, String path, String body) {
        callBytes(e, user, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private void callBytes(ApiEndpoints.Endpoint e, String user, String path, byte[] body) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(TestEnvironment.app("api/" + path).toString()))
                    .timeout(Duration.ofSeconds(60));
        } catch (IllegalArgumentException notAUri) {
            return;
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        if (body != null) {
            request.header("Content-Type", e.consumes().isEmpty() ? "application/json" : e.consumes());
        }
        request.method(e.method(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        findings.check(e.method() + " api/" + abbreviated(path) + (body == null ? "" : " body "
                + abbreviated(new String(body, StandardCharsets.UTF_8))), request.build(), http);
    }

    private void getPage(HttpClient as, String page) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(TestEnvironment.app(page)).timeout(Duration.ofSeconds(60)).GET().build();
        } catch (IllegalArgumentException notAUri) {
            return;
        }
        findings.check("GET " + abbreviated(page), request, as);
    }

    // ---------------------------------------------------------------------------------------------- the pages

    /** Every page of the web module with the view parameters it declares ({@code <f:viewParam name=…>}). */
    private static Map<String, List<String>> pagesWithParameters() throws IOException {
        Path webapp = ROOT.resolve("web-module/src/main/webapp");
        Map<String, List<String>> pages = new LinkedHashMap<>();
        Pattern viewParam = Pattern.compile("<f:viewParam\\s+name=\"([^\"]+)\"");
        try (Stream<Path> files = Files.walk(webapp)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xhtml") && !f.toString().contains("WEB-INF")).sorted().toList()) {
                List<String> params = new ArrayList<>();
                Matcher m = viewParam.matcher(Files.readString(file));
                while (m.find()) {
                    params.add(m.group(1));
                }
                pages.put(webapp.relativize(file).toString(), params);
            }
        }
        return pages;
    }

    private static void login(HttpClient browser, String user) throws Exception {
        browser.send(HttpRequest.newBuilder(TestEnvironment.app("login.xhtml")).GET().build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(TestEnvironment.app("j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=" + user + "&j_password=" + PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.headers().firstValue("Location").orElse("")).as(user + " logged in").doesNotContain("login.xhtml");
    }
}
