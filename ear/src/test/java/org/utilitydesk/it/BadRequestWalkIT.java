package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.utilitydesk.sql.PasswordHashing;

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
    private final List<String> problems = new ArrayList<>();
    private int requests;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.realEar();
    }

    /** A user of every office role and a crew member, so the walk gets past the role checks to the parameters. */
    @BeforeAll
    static void walkers() throws Exception {
        try (Connection c = TestEnvironment.database()) {
            String crew = TestEnvironment.row("SELECT id FROM department WHERE kind = ? ORDER BY code LIMIT 1", "CREW").get("id");
            save(c, WALKER, null, List.of("AGENT", "SUPERVISOR", "ADMIN", "EDITOR"));
            save(c, WALKER_CREW, Long.valueOf(crew), List.of("CREW"));
        }
    }

    @Test
    void noApiMethodAnswersBadInputWithA5xxOrAStackTrace() throws Exception {
        long logBefore = Files.size(SERVER_LOG);
        List<ApiEndpoints.Endpoint> endpoints = ApiEndpoints.declared(ROOT);
        assertThat(endpoints).as("API methods found in the source").hasSizeGreaterThan(50);
        for (ApiEndpoints.Endpoint e : endpoints) {
            String user = e.path().startsWith("crew/") ? WALKER_CREW : e.path().startsWith("portal/") ? null : WALKER;
            for (String param : e.pathParams()) {
                for (String value : PATH_VALUES) {
                    call(e, user, fill(e, param, value), e.body() ? "{}" : null);
                }
            }
            for (String param : e.queryParams()) {
                for (String value : QUERY_VALUES) {
                    call(e, user, fill(e, null, null) + "?" + param + "=" + value, e.body() ? "{}" : null);
                }
            }
            if (e.body() && e.consumes().contains("json")) {
                for (String body : JSON_BODIES) {
                    call(e, user, fill(e, null, null), body);
                }
                callBytes(e, user, fill(e, null, null), new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
            }
            if (e.body() && e.consumes().contains("octet")) {
                for (String name : FILE_NAMES) {
                    callBytes(e, user, fill(e, null, null) + "?name=" + name, new byte[0]);
                    callBytes(e, user, fill(e, null, null) + "?name=" + name, "GIF89a not an image".getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        System.out.printf("bad-request walk: %d API methods, %d requests%n", endpoints.size(), requests);
        problems.addAll(stackTracesLoggedSince(logBefore));
        assertThat(problems).as("answers that were 5xx or showed a stack trace, and stack traces in the log").isEmpty();
    }

    @Test
    void noPageAnswersBadParametersWithA5xxOrAStackTrace() throws Exception {
        long logBefore = Files.size(SERVER_LOG);
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
        System.out.printf("bad-request walk: %d pages, %d requests%n", pages.size(), requests);
        problems.addAll(stackTracesLoggedSince(logBefore));
        assertThat(problems).as("pages that answered 5xx or showed a stack trace, and stack traces in the log").isEmpty();
    }

    /**
     * Every button of every form, pressed with every field holding a bad value, the way PrimeFaces posts it (an Ajax
     * request, or a plain post for the non-Ajax ones; multipart with a hostile file name where the form uploads), and
     * every table's paging and sorting parameters set to nonsense. Buttons in table rows act on a row that exists (a
     * call, a retry, a restart) rather than on what was typed, and are left out.
     */
    @Test
    void noFormAnswersBadValuesWithA5xxOrAStackTrace() throws Exception {
        long logBefore = Files.size(SERVER_LOG);
        List<String> pages = new ArrayList<>(pagesWithParameters().keySet());
        pages.addAll(pagesOfThingsOfTheWalk());
        HttpClient browser = signedIn(WALKER);
        HttpClient crew = signedIn(WALKER_CREW);
        int forms = 0;
        for (String page : pages) {
            HttpClient as = page.startsWith("crew/") ? crew : browser;
            String html = pageHtml(as, page);
            for (FacesForms.Form form : FacesForms.of(html)) {
                forms++;
                for (FacesForms.Button button : form.buttons()) {
                    for (String value : FORM_VALUES) {
                        String fresh = pageHtml(as, page);
                        postForm(as, page, FacesForms.of(fresh).stream().filter(f -> f.id().equals(form.id())).findFirst()
                                .orElse(form), button, value, nonce(fresh));
                    }
                }
                for (String table : form.tables()) {
                    for (String value : List.of("-1", "abc", "99999999999999999999", "")) {
                        String fresh = pageHtml(as, page);
                        Map<String, String> fields = new LinkedHashMap<>(FacesForms.hidden(fresh, form.id()));
                        fields.put("jakarta.faces.partial.ajax", "true");
                        fields.put("jakarta.faces.source", table);
                        fields.put("jakarta.faces.partial.execute", table);
                        fields.put("jakarta.faces.partial.render", table);
                        fields.put(table + "_pagination", "true");
                        fields.put(table + "_first", value);
                        fields.put(table + "_rows", value);
                        fields.put(table + "_skipChildren", "true");
                        fields.put(table + "_encodeFeature", "true");
                        fields.put(table + "_sorting", "true");
                        fields.put(table + "_sortKey", value.isEmpty() ? "x" : value);
                        fields.put(table + "_sortDir", value);
                        fields.put("primefaces.nonce", nonce(fresh));
                        post(as, page, "table " + table + " = " + abbreviated(value), fields, true);
                    }
                }
            }
        }
        System.out.printf("bad-request walk: %d forms, %d requests%n", forms, requests);
        problems.addAll(stackTracesLoggedSince(logBefore));
        assertThat(forms).as("forms found").isGreaterThan(10);
        assertThat(problems).as("forms that answered 5xx, a Faces error or a stack trace, and stack traces in the log").isEmpty();
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

    private void postForm(HttpClient as, String page, FacesForms.Form form, FacesForms.Button button, String value,
                          String nonce) {
        Map<String, String> fields = new LinkedHashMap<>();
        form.fields().forEach((name, original) -> fields.put(name, form.fillable().contains(name) ? value : original));
        fields.put("primefaces.nonce", nonce);
        String what = "form " + form.id() + " button " + button.id() + " with " + abbreviated(value);
        if (button.ajax()) {
            fields.put("jakarta.faces.partial.ajax", "true");
            fields.put("jakarta.faces.source", button.id());
            fields.put("jakarta.faces.partial.execute", button.process() == null ? form.id() : button.process());
            fields.put("jakarta.faces.partial.render", button.update() == null ? "@none" : button.update());
        }
        fields.put(button.id(), button.id());
        if (form.multipart()) {
            postMultipart(as, page, what, fields, form.files(), button.ajax());
        } else {
            post(as, page, what, fields, button.ajax());
        }
    }

    private void post(HttpClient as, String page, String what, Map<String, String> fields, boolean ajax) {
        HttpRequest.Builder request = HttpRequest.newBuilder(TestEnvironment.app(page)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(TestEnvironment.formBody(fields)));
        if (ajax) {
            request.header("Faces-Request", "partial/ajax");
        }
        check("POST " + page + " " + what, request.build(), as);
    }

    private void postMultipart(HttpClient as, String page, String what, Map<String, String> fields, List<String> files,
                               boolean ajax) {
        String boundary = "----walk" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        for (String file : files) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(file)
                    .append("\"; filename=\"../../../etc/passwd.jpg\"\r\nContent-Type: image/jpeg\r\n\r\nGIF89a not a photo\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        HttpRequest.Builder request = HttpRequest.newBuilder(TestEnvironment.app(page)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (ajax) {
            request.header("Faces-Request", "partial/ajax");
        }
        String answer = check("POST " + page + " " + what + " (multipart, ../ in the file name)", request.build(), as);
        if (answer != null && !answer.contains("文件未上传：文件名不能包含目录")) {
            problems.add("POST " + page + " " + what + ": the page does not say why the file was not taken: " + abbreviated(answer));
        }
    }

    /** The page's CSP nonce; empty on a page without PrimeFaces (the post is then refused, which is fine too). */
    private static String nonce(String html) {
        Matcher m = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)").matcher(html);
        return m.find() ? m.group(1) : "";
    }

    private String pageHtml(HttpClient as, String page) throws Exception {
        return as.send(HttpRequest.newBuilder(TestEnvironment.app(page)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static HttpClient signedIn(String user) throws Exception {
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        login(browser, user);
        return browser;
    }

    // ---------------------------------------------------------------------------------------------- the calls

    private static String fill(ApiEndpoints.Endpoint e, String param, String value) {
        Matcher m = Pattern.compile("\\{(\\w+)(?:\\s*:[^}]*(?:\\{[^}]*\\}[^}]*)*)?\\}").matcher(e.path());
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(path, Matcher.quoteReplacement(m.group(1).equals(param) ? value : "1"));
        }
        m.appendTail(path);
        return path.toString();
    }

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
        check(e.method() + " api/" + abbreviated(path) + (body == null ? "" : " body " + abbreviated(new String(body, StandardCharsets.UTF_8))),
                request.build());
    }

    private void getPage(HttpClient as, String page) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(TestEnvironment.app(page)).timeout(Duration.ofSeconds(60)).GET().build();
        } catch (IllegalArgumentException notAUri) {
            return;
        }
        check("GET " + abbreviated(page), request, as);
    }

    private void check(String what, HttpRequest request) {
        check(what, request, http);
    }

    /** Sends the request and notes a 5xx, a Faces error or a stack trace; returns the answer, null if there was none. */
    private String check(String what, HttpRequest request, HttpClient client) {
        requests++;
        try {
            HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 500) {
                problems.add(what + " -> " + answer.statusCode() + " " + abbreviated(answer.body()));
            } else if (answer.body().contains("<error>") || answer.body().contains("<error-name>")) {
                problems.add(what + " -> " + answer.statusCode() + " a Faces error: " + abbreviated(answer.body()));
            } else if (answer.body().contains("Exception") || answer.body().matches("(?s).*\\bat (org|java|jakarta|com)\\.[\\w.$]+\\(.*")) {
                problems.add(what + " -> " + answer.statusCode() + " shows a stack trace: " + abbreviated(answer.body()));
            }
            return answer.body();
        } catch (IOException | InterruptedException e) {
            problems.add(what + " -> no answer: " + e);
            return null;
        }
    }

    private static String abbreviated(String text) {
        String flat = text.replace('\n', ' ');
        return flat.length() <= 160 ? flat : flat.substring(0, 160) + "…(" + flat.length() + ")";
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

    // ---------------------------------------------------------------------------------------------- the log

    /** Stack traces the server wrote since the walk began (a refused request must be one line in the log). */
    private static List<String> stackTracesLoggedSince(long offset) throws IOException {
        List<String> traces = new ArrayList<>();
        byte[] all = Files.readAllBytes(SERVER_LOG);
        String written = new String(all, (int) Math.min(offset, all.length), (int) (all.length - Math.min(offset, all.length)),
                StandardCharsets.UTF_8);
        for (String record : written.split("(?m)^(?=\\[20\\d\\d-)")) {
            if (record.matches("(?s).*\\n\\s+at [\\w.$]+\\(.*")) {
                traces.add("log: " + abbreviated(record));
            }
        }
        return traces;
    }

    private static void save(Connection c, String user, Long department, List<String> roles) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_user (username, password_hash, display_name, locale,"
                + " enabled, department_id, created_at) VALUES (?, ?, ?, 'zh_CN', TRUE, ?, UTC_TIMESTAMP(3))"
                + " ON DUPLICATE KEY UPDATE password_hash = VALUES(password_hash)")) {
            ps.setString(1, user);
            ps.setString(2, PasswordHashing.TODAY.hash(PASSWORD.toCharArray()));
            ps.setString(3, "巡检 " + user);
            ps.setObject(4, department);
            ps.executeUpdate();
        }
        for (String role : roles) {
            try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO user_role (user_id, role_name)"
                    + " SELECT id, ? FROM app_user WHERE username = ?")) {
                ps.setString(1, role);
                ps.setString(2, user);
                ps.executeUpdate();
            }
        }
    }
}
