package org.utilitydesk.it;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Where the test instance listens (from the build's it.* properties) and the demo logins it was seeded with. */
public final class TestEnvironment {

    /** The demo set's first customer: mobile 13800000001, account 1000000016, in 桐庐县供电所. */
    public static final String FIRST_ACCOUNT = "1000000016";
    public static final String FIRST_MOBILE = "13800000001";
    private static final java.net.http.HttpClient CLIENT = java.net.http.HttpClient.newHttpClient();

    private TestEnvironment() {
    }

    public static URI app(String path) {
        return URI.create("http://localhost:" + System.getProperty("it.http.port", "20080") + "/utilitydesk/" + path);
    }

    public static URI server(String path) {
        return URI.create("http://localhost:" + System.getProperty("it.http.port", "20080") + "/" + path);
    }

    /**
     * What the readiness checks found now, with their details (as administrators read them: api/health; the open
     * health/ready says only UP or DOWN), spaces left out.
     */
    public static String readiness() throws Exception {
        return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(as("admin", "admin123", app("api/health")).GET().build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()).body().replace(" ", "");
    }

    public static HttpRequest.Builder as(String user, String password, URI uri) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        // a server that stops answering fails the test instead of holding the run
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Authorization", "Basic " + token);
    }

    /**
     * Runs one of the project's instance scripts on the test instance (e.g. {@code broker stop}, {@code database
     * start}), as an operator would, and fails unless it succeeds within two minutes.
     */
    public static void instanceScript(String script, String command) throws Exception {
        java.io.File root = new java.io.File(System.getProperty("it.root", "../"));
        ProcessBuilder builder = new ProcessBuilder("bash", new java.io.File(root, "server-config/bin/" + script).getPath(), command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("UD_INSTANCE", "test");
        builder.environment().remove("UD_BROKER_HOST");
        builder.environment().remove("UD_DB_URL");
        Process process = builder.start();
        if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(script + " " + command + " did not finish in 120 s");
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(script + " " + command + " failed with exit code " + process.exitValue());
        }
    }

    /** A Faces page's view state, which every post back to it must carry. */
    public static String viewState(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(html);
        if (!m.find()) {
            throw new AssertionError("the page has no view state: " + html.substring(0, Math.min(300, html.length())));
        }
        return m.group(1);
    }

    /**
     * The page's Content Security Policy nonce, which PrimeFaces' script puts into every form a browser posts
     * ({@code primefaces.nonce}); a post without it is refused.
     */
    public static String nonce(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)").matcher(html);
        if (!m.find()) {
            throw new AssertionError("the page has no CSP nonce: " + html.substring(0, Math.min(300, html.length())));
        }
        return m.group(1);
    }

    /** Fields as a browser posts a form (application/x-www-form-urlencoded), in the given order. */
    public static String formBody(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    /**
     * A browser of its own (keeps its session cookie) that opens a Chinese page and posts one of its forms back:
     * {@code fields} are the form's fields without the view state, which is taken from the page; the page must
     * show {@code mustShow}. Returns the answer to the post.
     */
    public static String openAndPost(String path, Map<String, String> fields, String mustShow) throws Exception {
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String page = browser.send(HttpRequest.newBuilder(app(path)).header("Accept-Language", "zh-CN").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        if (!page.contains(mustShow)) {
            throw new AssertionError(path + " does not show " + mustShow + ": " + page.substring(0, Math.min(500, page.length())));
        }
        Map<String, String> form = new java.util.LinkedHashMap<>(fields);
        form.put("jakarta.faces.ViewState", viewState(page));
        form.put("primefaces.nonce", nonce(page));
        String answer = browser.send(HttpRequest.newBuilder(app(path)).header("Accept-Language", "zh-CN")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        return answer;
    }

    /** An API call as {@code user}, in Chinese, with {@code json} as its body (none if null). */
    public static java.net.http.HttpResponse<String> call(String user, String password, String method, String path, String json)
            throws Exception {
        HttpRequest.Builder b = as(user, password, app(path)).header("Accept-Language", "zh-CN");
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return CLIENT.send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    /** A connection to the test database, for preparing and checking rows from outside the server. */
    public static Connection database() throws SQLException {
        return DriverManager.getConnection(System.getProperty("it.db.url", "jdbc:mysql://127.0.0.1:23307/utilitydesk")
                + "?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true",
                System.getProperty("it.db.user", "utilitydesk"), System.getProperty("it.db.password", "utilitydesk"));
    }

    /** Gives a demo agent a known proficiency in a skill they have (routing reads it when they sign in). */
    public static void proficiency(String username, String skill, int level) throws SQLException {
        try (Connection c = database(); PreparedStatement ps = c.prepareStatement(
                "UPDATE agent_skill k JOIN agent a ON a.id = k.agent_id JOIN app_user u ON u.id = a.user_id"
                        + " JOIN skill s ON s.id = k.skill_id SET k.proficiency = ? WHERE u.username = ? AND s.code = ?")) {
            ps.setInt(1, level);
            ps.setString(2, username);
            ps.setString(3, skill);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException(username + " has no skill " + skill);
            }
        }
    }

    /**
     * An account in a service area with a crew where no fault was reported yet, counting down from the last area:
     * a fault report there folds into no incident, and the quiet areas other tests look for (counting up) stay quiet.
     */
    public static String accountInAnAreaWithoutFaults() throws SQLException {
        String account = row("SELECT a.account_number FROM account a WHERE a.service_area_id = ("
                + " SELECT s.id FROM service_area s JOIN account x ON x.service_area_id = s.id"
                + " JOIN department d ON d.service_area_id = s.id AND d.kind = ?"
                + " WHERE s.id NOT IN (SELECT service_area_id FROM work_order WHERE service_area_id IS NOT NULL"
                + " AND order_type = 'FAULT_REPAIR') AND s.id NOT IN (SELECT service_area_id FROM incident)"
                + " GROUP BY s.id ORDER BY s.id DESC LIMIT 1) ORDER BY a.id LIMIT 1", "CREW").get("account_number");
        if (account == null) {
            throw new IllegalStateException("every area with a crew has had a fault report: the tests need a fresh database");
        }
        return account;
    }

    /** The first row a query with one parameter finds, column label to value as text; empty if none. */
    public static Map<String, String> row(String sql, Object parameter) throws SQLException {
        try (Connection c = database(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, String> row = new HashMap<>();
                if (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
                    }
                }
                return row;
            }
        }
    }
    /** The call's record once the IVR has closed it (it is written just after the call, not during its last command). */
    public static Map<String, String> callRecord(String uid) throws Exception {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> row("SELECT ivr_path FROM call_record WHERE call_uid = ?", uid).get("ivr_path") != null);
        return row("SELECT * FROM call_record WHERE call_uid = ?", uid);
    }

    /**
     * Ends the outages of incidents other tests' fault reports opened (the IVR would announce them to the first
     * customer before the menu), for scenarios that expect the area quiet.
     */
    public static void endIncidentOutages() throws SQLException {
        try (Connection c = database(); java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE outage_notice SET status = 'RESTORED' WHERE incident_id IS NOT NULL AND status = 'ACTIVE'");
        }
    }

    /**
     * A user of every office role and a crew member (in the first crew) of a test's own, so that calls as them get
     * past the role checks to what the test is about.
     */
    public static void everyRole(String office, String crew, String password) throws SQLException {
        user(office, password, null, java.util.List.of("AGENT", "SUPERVISOR", "ADMIN", "EDITOR"));
        user(crew, password, Long.valueOf(row("SELECT id FROM department WHERE kind = ? ORDER BY code LIMIT 1", "CREW").get("id")),
                java.util.List.of("CREW"));
    }

    /** A user of a test's own with these roles (made, or given this password again), Chinese first. */
    public static void user(String user, String password, Long department, java.util.List<String> roles) throws SQLException {
        try (Connection c = database(); PreparedStatement ps = c.prepareStatement("INSERT INTO app_user (username,"
                + " password_hash, display_name, locale, enabled, department_id, created_at)"
                + " VALUES (?, ?, ?, 'zh_CN', TRUE, ?, UTC_TIMESTAMP(3)) ON DUPLICATE KEY UPDATE password_hash = VALUES(password_hash)")) {
            ps.setString(1, user);
            ps.setString(2, org.utilitydesk.sql.PasswordHashing.TODAY.hash(password.toCharArray()));
            ps.setString(3, "测试 " + user);
            ps.setObject(4, department);
            ps.executeUpdate();
            for (String role : roles) {
                try (PreparedStatement r = c.prepareStatement("INSERT IGNORE INTO user_role (user_id, role_name)"
                        + " SELECT id, ? FROM app_user WHERE username = ?")) {
                    r.setString(1, role);
                    r.setString(2, user);
                    r.executeUpdate();
                }
            }
        }
    }
}
