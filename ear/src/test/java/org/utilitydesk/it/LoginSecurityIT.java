package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.spec.KeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.utilitydesk.sql.PasswordHashing;

/**
 * Logins as an attacker tries them: guessing one person's password (held back, then locked, both audited, until an
 * administrator lifts the lock on the administrators' page), guessing from one address across many names, telling
 * names that exist from names that do not by the answer's time, and riding on a session id known before the login.
 * Each test speaks from a loopback address of its own (127.0.0.x), so the holds it provokes touch no other test.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginSecurityIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.realEar();
    }

    @Test
    void guessingOnePasswordIsHeldBackThenLockedUntilAnAdministratorLiftsIt() throws Exception {
        String user = "guess-" + UUID.randomUUID().toString().substring(0, 8);
        createUser(user, PasswordHashing.TODAY.hash("right-one".toCharArray()));
        FromAddress attacker = new FromAddress("127.0.0.21");

        for (int i = 1; i <= 5; i++) {
            assertThat(basic(attacker, user, "wrong-" + i).status()).isEqualTo(401);
        }
        // the sixth try waits, whatever its password: the right one is not even looked at
        FromAddress.Answer held = basic(attacker, user, "right-one");
        assertThat(held.status()).isEqualTo(429);
        assertThat(held.header("Retry-After")).isEqualTo("1");
        assertThat(held.body()).contains("登录失败次数过多").contains("1 秒");
        assertThat(basic(new FromAddress("127.0.0.22"), user, "right-one", "Accept-Language: en").body())
                .contains("Too many failed logins").contains("1 second");

        // each further failure doubles the wait, until the tenth locks the name for 15 minutes
        List<Long> waits = new ArrayList<>();
        for (int i = 6; i <= 10; i++) {
            assertThat(patiently(attacker, user, "wrong-" + i, waits).status()).isEqualTo(401);
        }
        assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L);
        FromAddress.Answer locked = basic(new FromAddress("127.0.0.23"), user, "right-one");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(14 * 60L, 15 * 60L);
        assertThat(locked.body()).contains("15 分钟");
        // the login page says the same, without saying whether the name exists
        FromAddress.Answer form = formLogin(new FromAddress("127.0.0.23"), user, "right-one");
        assertThat(form.status()).isEqualTo(302);
        assertThat(form.header("Location")).contains("login.xhtml?held=");
        assertThat(events(user)).containsExactly("BACKOFF 5", "LOCKED 10");

        liftOnTheAdministratorsPage(user);
        assertThat(basic(attacker, user, "right-one").status()).isEqualTo(200);
        assertThat(events(user)).containsExactly("BACKOFF 5", "LOCKED 10", "UNLOCKED 10 admin");
    }

    @Test
    void oneAddressGuessingAcrossNamesIsHeldBack() throws Exception {
        FromAddress sprayer = new FromAddress("127.0.0.31");
        for (int i = 0; i < 40; i++) {
            assertThat(basic(sprayer, "spray-" + i, "password1").status()).isEqualTo(401);
        }
        assertThat(basic(sprayer, "agent05", "agent123").status()).as("a real login from the same address").isEqualTo(429);
        assertThat(basic(new FromAddress("127.0.0.32"), "agent05", "agent123").status()).as("from elsewhere").isEqualTo(200);
        assertThat(events("127.0.0.31")).containsExactly("BACKOFF 40");
    }

    @Test
    void anAnswerTakesAsLongForANameNobodyHas() throws Exception {
        List<String> known = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String user = "timing-" + UUID.randomUUID().toString().substring(0, 8);
            createUser(user, PasswordHashing.TODAY.hash("the-password".toCharArray()));
            known.add(user);
        }
        List<Long> knownNanos = new ArrayList<>();
        List<Long> unknownNanos = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < known.size(); i++) {
                // alternately, from addresses of their own, each name tried at most twice (no hold)
                FromAddress from = new FromAddress("127.0.1." + (i + 1));
                knownNanos.add(timed(from, known.get(i)));
                unknownNanos.add(timed(from, "nobody-" + UUID.randomUUID().toString().substring(0, 8)));
            }
        }
        long knownMedian = median(knownNanos);
        long unknownMedian = median(unknownNanos);
        System.out.printf("login refusal median: known name %.1f ms, unknown name %.1f ms%n", knownMedian / 1e6, unknownMedian / 1e6);
        // before, a wrong password for a real name took ~37 ms and one for no name ~4 ms
        assertThat((double) unknownMedian / knownMedian).as("unknown %d µs, known %d µs", unknownMedian / 1000, knownMedian / 1000)
                .isBetween(0.75, 1.33);
    }

    @Test
    void aHashWithWeakerParametersIsMadeAgainAtTheNextLogin() throws Exception {
        String user = "oldhash-" + UUID.randomUUID().toString().substring(0, 8);
        String weak = pbkdf2("old-password", 10_000);
        createUser(user, weak);
        assertThat(basic(new FromAddress("127.0.0.41"), user, "old-password").status()).isEqualTo(200);
        String now = storedHash(user);
        assertThat(now).startsWith("PBKDF2WithHmacSHA256:120000:").isNotEqualTo(weak);
        assertThat(now.split(":")[2]).isNotEqualTo(weak.split(":")[2]);
        // and the new hash takes the password (a form login: the API remembers a checked password for a minute)
        FromAddress.Answer again = formLogin(new FromAddress("127.0.0.41"), user, "old-password");
        assertThat(again.status()).isEqualTo(302);
        assertThat(again.header("Location")).doesNotContain("failed").doesNotContain("held");
    }

    @Test
    void everyUserOfTheDemoHasASaltOfTheirOwn() throws Exception {
        try (Connection c = TestEnvironment.database(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT COUNT(*), COUNT(DISTINCT password_hash) FROM app_user WHERE username LIKE 'agent%' OR username LIKE 'crew-%'")) {
            rs.next();
            assertThat(rs.getInt(1)).isGreaterThan(20);
            assertThat(rs.getInt(2)).isEqualTo(rs.getInt(1));
        }
    }

    @Test
    void theSessionIdChangesAtLoginAndLogoutEndsTheSession() throws Exception {
        FromAddress browser = new FromAddress("127.0.0.51");
        FromAddress.Answer page = browser.get("login.xhtml");
        String before = sessionCookie(page);
        assertThat(page.all("Set-Cookie")).anySatisfy(c -> assertThat(c).contains("JSESSIONID=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));

        FromAddress.Answer login = browser.post("j_security_check", "application/x-www-form-urlencoded",
                "j_username=agent06&j_password=agent123", "Cookie: JSESSIONID=" + before);
        assertThat(login.status()).isEqualTo(302);
        String after = sessionCookie(login);
        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(browser.get("desk/customers.xhtml", "Cookie: JSESSIONID=" + after).status()).isEqualTo(200);
        assertThat(browser.get("desk/customers.xhtml", "Cookie: JSESSIONID=" + before).status())
                .as("the id known before the login").isEqualTo(302);

        // logging out from the page ends the session on the server, not only in this browser
        String desk = browser.get("desk/customers.xhtml", "Cookie: JSESSIONID=" + after).body();
        FromAddress.Answer logout = browser.post("desk/customers.xhtml", "application/x-www-form-urlencoded",
                "session=session&session%3Alogout=session%3Alogout&jakarta.faces.ViewState="
                        + URLEncoder.encode(TestEnvironment.viewState(desk), StandardCharsets.UTF_8)
                        + "&primefaces.nonce=" + URLEncoder.encode(TestEnvironment.nonce(desk), StandardCharsets.UTF_8),
                "Cookie: JSESSIONID=" + after);
        assertThat(logout.status()).isEqualTo(302);
        assertThat(logout.header("Location")).contains("login.xhtml");
        assertThat(browser.get("desk/customers.xhtml", "Cookie: JSESSIONID=" + after).status()).isEqualTo(302);
    }

    @Test
    void pagesAndAnswersCarryTheSecurityHeaders() throws Exception {
        FromAddress client = new FromAddress("127.0.0.61");
        FromAddress.Answer page = client.get("login.xhtml");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self' 'nonce-")
                .contains("frame-ancestors 'self'").contains("object-src 'none'").contains("base-uri 'self'")
                .doesNotContain("unsafe-eval").doesNotContain("script-src 'self' 'unsafe-inline'");
        assertThat(page.all("Content-Security-Policy")).hasSize(1);
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(page.header("Server")).isNull();
        assertThat(page.header("X-Powered-By")).isNull();

        FromAddress.Answer api = basic(client, "agent07", "agent123");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.header("Content-Security-Policy")).startsWith("default-src 'none'").contains("frame-ancestors 'none'");
        assertThat(api.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static FromAddress.Answer basic(FromAddress from, String user, String password, String... headers) throws Exception {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        String[] all = new String[headers.length + 1];
        all[0] = "Authorization: Basic " + token;
        System.arraycopy(headers, 0, all, 1, headers.length);
        return from.get("api/customers/" + TestEnvironment.FIRST_ACCOUNT, all);
    }

    private static FromAddress.Answer formLogin(FromAddress from, String user, String password) throws Exception {
        return from.post("j_security_check", "application/x-www-form-urlencoded",
                "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&j_password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
    }

    /**
     * One try, made again after each wait it is told (429 with Retry-After: a held try does not count as a failure);
     * the first wait of each try goes into {@code waits}.
     */
    private static FromAddress.Answer patiently(FromAddress from, String user, String password, List<Long> waits) throws Exception {
        boolean first = true;
        for (int attempt = 0; attempt < 40; attempt++) {
            FromAddress.Answer a = basic(from, user, password);
            if (a.status() != 429) {
                return a;
            }
            long seconds = Long.parseLong(a.header("Retry-After"));
            if (first) {
                waits.add(seconds);
                first = false;
            }
            Thread.sleep(seconds * 1000);
        }
        throw new AssertionError("still held back after 40 waits");
    }

    private static long timed(FromAddress from, String user) throws Exception {
        long t0 = System.nanoTime();
        assertThat(basic(from, user, "wrong-password").status()).isEqualTo(401);
        return System.nanoTime() - t0;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static void createUser(String user, String hash) throws Exception {
        try (Connection c = TestEnvironment.database()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_user (username, password_hash, display_name,"
                    + " locale, enabled, created_at) VALUES (?, ?, ?, 'zh_CN', TRUE, UTC_TIMESTAMP(3))")) {
                ps.setString(1, user);
                ps.setString(2, hash);
                ps.setString(3, "测试 " + user);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO user_role (user_id, role_name) SELECT id, 'AGENT' FROM app_user WHERE username = ?")) {
                ps.setString(1, user);
                ps.executeUpdate();
            }
        }
    }

    private static String storedHash(String user) throws Exception {
        return TestEnvironment.row("SELECT password_hash FROM app_user WHERE username = ?", user).get("password_hash");
    }

    private static List<String> events(String subject) throws Exception {
        List<String> events = new ArrayList<>();
        try (Connection c = TestEnvironment.database(); PreparedStatement ps = c.prepareStatement(
                "SELECT kind, failures, actor FROM security_event WHERE subject = ? ORDER BY id")) {
            ps.setString(1, subject);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(rs.getString(1) + " " + rs.getInt(2) + (rs.getString(3) == null ? "" : " " + rs.getString(3)));
                }
            }
        }
        return events;
    }

    private static String pbkdf2(String password, int iterations) throws Exception {
        byte[] salt = new byte[32];
        new java.security.SecureRandom().nextBytes(salt);
        KeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        return "PBKDF2WithHmacSHA256:" + iterations + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(key);
    }

    private static String sessionCookie(FromAddress.Answer answer) {
        for (String cookie : answer.all("Set-Cookie")) {
            if (cookie.startsWith("JSESSIONID=")) {
                return cookie.substring("JSESSIONID=".length(), cookie.indexOf(';'));
            }
        }
        return null;
    }

    /** As an administrator would: the page lists the name; its Lift button ends the hold. */
    private static void liftOnTheAdministratorsPage(String user) {
        WebDriver browser = DeskBrowserIT.Browsers.open();
        try {
            DeskBrowserIT.Browsers.signIn(browser, "admin", "admin123", "admin/logins.xhtml");
            var row = browser.findElements(By.cssSelector("tr.hold")).stream()
                    .filter(r -> r.findElement(By.cssSelector("td.subject")).getText().equals(user)).findFirst().orElseThrow();
            assertThat(row.findElement(By.cssSelector("td.state")).getText()).isEqualTo("锁定");
            assertThat(row.findElement(By.cssSelector("td.failures")).getText()).isEqualTo("10");
            row.findElement(By.cssSelector("td.action button")).click();
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("holds:messages")).getText()
                    .contains("已解除对 " + user + " 的限制"));
            assertThat(browser.findElements(By.cssSelector("tr.hold td.subject")).stream().map(e -> e.getText()))
                    .doesNotContain(user);
            assertThat(DeskBrowserIT.Browsers.scriptProblems(browser)).isEmpty();
        } finally {
            browser.quit();
        }
    }
}
