package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The desk in a real browser (Debian's headless Chromium): an agent signs in and goes ready, a scripted
 * caller asks for an agent, the screen-pop is pushed to the agent's page with the right customer, the
 * supervisor's wallboard changes by itself, and the agent wraps the call up.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeskBrowserIT {

    private static final String AGENT = "agent10";
    private WebDriver agent;
    private WebDriver supervisor;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.realEar();
    }

    @BeforeEach
    void browsers() {
        await().ignoreExceptions().atMost(Duration.ofSeconds(60)).until(ScriptedManager.shared()::hasLoggedInClient);
        agent = Browsers.open();
        supervisor = Browsers.open();
    }

    @AfterEach
    void close() throws Exception {
        try {
            // the pages did all this under their Content Security Policy, with no script refused or failing
            if (agent != null && supervisor != null) {
                assertThat(Browsers.scriptProblems(agent)).isEmpty();
                assertThat(Browsers.scriptProblems(supervisor)).isEmpty();
            }
        } finally {
            quit();
        }
    }

    private void quit() throws Exception {
        if (agent != null) {
            agent.quit();
        }
        if (supervisor != null) {
            supervisor.quit();
        }
        HttpClient.newHttpClient().send(TestEnvironment.as(AGENT, "agent123", TestEnvironment.app("api/agents/me")).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void theAgentSeesTheCallerPopUpAndWrapsUpWhileTheWallboardFollows() throws Exception {
        TestEnvironment.proficiency(AGENT, "BILLING", 9);
        String customerName = TestEnvironment.row("SELECT name FROM customer WHERE id = ?", 1).get("name");

        Browsers.signIn(agent, AGENT, "agent123", "desk/agent.xhtml");
        await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> text(agent, "agent-state").equals("示忙"));
        assertThat(text(agent, "desk:call")).contains("暂无来电");
        agent.findElement(By.id("desk:ready")).click();
        await().ignoreExceptions().atMost(Duration.ofSeconds(10)).until(() -> text(agent, "agent-state").equals("就绪"));

        Browsers.signIn(supervisor, "supervisor", "super123", "supervisor/wallboard.xhtml");
        await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> !supervisor.findElements(By.id("wb-on-call")).isEmpty());
        assertThat(text(supervisor, "wb-on-call")).isEqualTo("0");
        assertThat(text(supervisor, "board:figures")).contains(AGENT);

        // an order of this caller's that waits on them (its clock paused)
        String waiting = openOrderWaitingOnTheCustomer();

        ScriptedAsterisk.Call call = ScriptedAsterisk.dial("ivr", TestEnvironment.FIRST_MOBILE).pressing("0").agentsAnswerAfterMissing(0);
        CompletableFuture<List<String>> heard = CompletableFuture.supplyAsync(() -> {
            try (call) {
                return call.toTheEnd();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        // pushed: the page is never reloaded
        try {
            await().ignoreExceptions().atMost(Duration.ofSeconds(15)).until(() -> !agent.findElements(By.id("pop-caller")).isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            String acd = HttpClient.newHttpClient().send(TestEnvironment.as(AGENT, "agent123", TestEnvironment.app("api/agents/me"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            throw new AssertionError("no screen-pop; the desk shows: " + text(agent, "desk:state") + " / " + text(agent, "desk:call")
                    + "; the ACD says: " + acd + "; console: "
                    + agent.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll()
                    + "; wallboard console: " + supervisor.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll(), e);
        }
        assertThat(text(agent, "pop-caller")).isEqualTo(TestEnvironment.FIRST_MOBILE);
        await().ignoreExceptions().atMost(Duration.ofSeconds(10)).until(() -> text(agent, "pop-customer").contains(customerName));
        assertThat(text(agent, "pop-path")).contains("MAIN", "AGENT");
        assertThat(text(agent, "desk:call")).contains("最近账单", "未结工单", "电 · 正常")
                .as("stored codes are shown in the agent's words").doesNotContain("ELECTRICITY", "ISSUED", "OVERDUE", "WECHAT",
                        "ALIPAY", "COUNTER", "SELF_SERVED", "ABANDONED");
        await().ignoreExceptions().atMost(Duration.ofSeconds(10)).until(() -> text(supervisor, "wb-on-call").equals("1"));

        // a work order from the call, clicked twice: one order
        agent.findElement(By.id("desk:orderSubject")).sendKeys("电表箱冒烟");
        click(agent, By.id("desk:createOrder"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(15)).until(() -> text(agent, "desk:messages").contains("已创建工单 GD"));
        click(agent, By.id("desk:createOrder"));
        long callId = Long.parseLong(TestEnvironment.row("SELECT id FROM call_record WHERE call_uid = ?", call.uniqueId).get("id"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(TestEnvironment.row(
                "SELECT COUNT(*) AS orders, MIN(channel) AS channel, MIN(subject) AS subject FROM work_order WHERE request_key = ?",
                "call-" + callId + "-FAULT_REPAIR")).containsEntry("orders", "1").containsEntry("channel", "DESK")
                .containsEntry("subject", "电表箱冒烟"));

        // the caller answers what that order was waiting for: added from the call, clicked twice, once
        click(agent, By.id("desk:updateOrderNo"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(5))
                .until(() -> agent.findElement(By.cssSelector("li[data-label^='" + waiting + "']")).isDisplayed());
        click(agent, By.cssSelector("li[data-label^='" + waiting + "']"));
        agent.findElement(By.id("desk:updateNote")).sendKeys("客户已提供缴费凭证");
        click(agent, By.id("desk:updateOrder"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(10))
                .until(() -> text(agent, "desk:messages").contains("已添加到工单 " + waiting + "，客户已答复"));
        click(agent, By.id("desk:updateOrder"));
        Thread.sleep(1_000);
        assertThat(TestEnvironment.row("SELECT COUNT(*) AS n, MIN(e.note) AS note, MIN(e.actor) AS actor FROM work_order_event e"
                + " JOIN work_order w ON w.id = e.work_order_id WHERE w.order_no = ? AND e.event_type = 'SLA_RESUMED'", waiting))
                .containsEntry("n", "1").containsEntry("actor", AGENT)
                .containsEntry("note", "（来电 " + callId + "） 客户已提供缴费凭证");

        // the caller on hold and back: the agent's leg waits aside, the caller hears music, the page says so
        click(agent, By.id("desk:hold"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(10)).until(() -> text(agent, "desk:callbar").contains("客户保持中"));
        click(agent, By.id("desk:resume"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(10)).until(() -> call.bridged().contains(call.agentLeg())
                && !text(agent, "desk:callbar").contains("客户保持中"));
        assertThat(text(agent, "desk:callbar")).contains("转接", "挂断", TestEnvironment.FIRST_MOBILE, customerName);
        // the call bar stays at the top of the window with its timer running, however far down the agent is
        ((JavascriptExecutor) agent).executeScript("window.scrollTo(0, document.body.scrollHeight);");
        String timer = text(agent, "call-timer");
        assertThat(timer).matches("\\d+:\\d\\d");
        await().atMost(Duration.ofSeconds(5)).until(() -> !text(agent, "call-timer").equals(timer));
        assertThat(((Number) ((JavascriptExecutor) agent).executeScript(
                "return document.getElementById('desk:hangUp').getBoundingClientRect().top;")).doubleValue())
                .as("hang-up in sight at the top").isBetween(0.0, 200.0);

        call.endConversation();
        heard.get(30, TimeUnit.SECONDS);
        await().ignoreExceptions().atMost(Duration.ofSeconds(10)).until(() -> !agent.findElements(By.id("desk:finishWrapUp")).isEmpty());
        assertThat(text(agent, "agent-state")).isEqualTo("话后处理");

        click(agent, By.id("desk:finishWrapUp"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(10)).until(() -> text(agent, "desk:messages").contains("请选择处理结果"));
        click(agent, By.id("desk:disposition"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(5)).until(() -> agent.findElement(By.cssSelector("li[data-label='问题已解决']")).isDisplayed());
        click(agent, By.cssSelector("li[data-label='问题已解决']"));
        agent.findElement(By.id("desk:notes")).sendKeys("解释了阶梯电价");
        click(agent, By.id("desk:finishWrapUp"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(10)).until(() -> text(agent, "agent-state").equals("就绪"));
        assertThat(text(agent, "desk:messages")).contains("话后处理已保存");
        assertThat(TestEnvironment.row("SELECT disposition_code, notes FROM call_record WHERE call_uid = ?", call.uniqueId))
                .containsEntry("disposition_code", "RESOLVED").containsEntry("notes", "解释了阶梯电价");
        await().ignoreExceptions().atMost(Duration.ofSeconds(10)).until(() -> text(supervisor, "wb-on-call").equals("0")
                && text(supervisor, "wb-ready").equals("1"));
    }

    /** Opens an order on the first account through the API and pauses it for the customer; returns its number. */
    private static String openOrderWaitingOnTheCustomer() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String body = "{\"type\":\"COMPLAINT\",\"accountNumber\":\"" + TestEnvironment.FIRST_ACCOUNT
                + "\",\"subject\":\"待客户补充凭证\",\"requestKey\":\"desk-browser-" + System.nanoTime() + "\"}";
        String created = http.send(TestEnvironment.as("agent01", "agent123", TestEnvironment.app("api/work-orders"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"orderNo\":\"([^\"]+)\"").matcher(created);
        assertThat(m.find()).as(created).isTrue();
        String orderNo = m.group(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> "DISPATCHED".equals(
                TestEnvironment.row("SELECT state FROM work_order WHERE order_no = ?", orderNo).get("state")));
        HttpResponse<String> paused = http.send(TestEnvironment.as("agent01", "agent123",
                        TestEnvironment.app("api/work-orders/" + orderNo + "/actions")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"action\":\"AWAIT_CUSTOMER\",\"note\":\"等待客户提供凭证\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(paused.body()).contains("\"slaStatus\":\"PAUSED\"");
        return orderNo;
    }

    /** An element's text, read in one step in the page (pushed updates replace elements at any moment). */
    /**
     * One click on what the locator finds, found again if a push re-rendered it between finding and clicking (a
     * stale element is refused before any click reaches the page, so trying again cannot click twice).
     */
    private static void click(WebDriver browser, By locator) {
        await().ignoreException(org.openqa.selenium.StaleElementReferenceException.class).atMost(Duration.ofSeconds(10))
                .until(() -> {
                    browser.findElement(locator).click();
                    return true;
                });
    }

    private static String text(WebDriver browser, String id) {
        Object text = ((JavascriptExecutor) browser).executeScript(
                "var e = document.getElementById(arguments[0]); return e ? e.innerText : '';", id);
        return text == null ? "" : text.toString().strip();
    }

    /** Debian's Chromium and chromedriver, headless; nothing is downloaded. */
    static final class Browsers {

        static final String CHROMIUM = System.getProperty("it.chromium", "/usr/bin/chromium");
        static final String DRIVER = System.getProperty("it.chromedriver", "/usr/bin/chromedriver");

        private Browsers() {
        }

        static WebDriver open() {
            assertThat(new File(CHROMIUM)).as("Chromium (apt-get install chromium chromium-driver)").exists();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--window-size=1400,1000", "--lang=zh-CN", "--no-first-run", "--disable-background-networking");
            // a Chinese browser: it asks for Chinese pages (headless Chromium asks for en-US whatever --lang says)
            options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
            // the console, to see what the page's Content Security Policy refused and which scripts failed
            options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return driver;
        }

        /**
         * What the browser's console says went wrong since the last call: scripts the Content Security Policy refused
         * to run and script errors (a page that only works with inline scripts fails here).
         */
        static java.util.List<String> scriptProblems(WebDriver browser) {
            return browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                    .map(org.openqa.selenium.logging.LogEntry::getMessage)
                    .filter(m -> m.contains("Content Security Policy") || m.contains("Uncaught") || m.contains("Refused"))
                    .toList();
        }

        static void signIn(WebDriver browser, String user, String password, String page) {
            browser.get(TestEnvironment.app(page).toString());
            browser.findElement(By.id("j_username")).sendKeys(user);
            browser.findElement(By.id("j_password")).sendKeys(password);
            browser.findElement(By.id("login-submit")).click();
            await().ignoreExceptions().atMost(Duration.ofSeconds(20)).until(() -> browser.getCurrentUrl().contains(page));
        }
    }
}
