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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Work without a call, in a real browser: an agent opens a customer from the customer list, pages through all their
 * open orders and contacts, and records a walk-in that opens an order (clicked twice: one contact, one order) and an
 * e-mail that answers an order waiting on the customer; the 360's history shows every channel, in zh and en.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CustomerCaseIT {

    private static final String AGENT = "agent04";
    private static final long CUSTOMER = 777;
    private WebDriver browser;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.realEar();
    }

    @AfterEach
    void close() {
        if (browser != null) {
            try {
                assertThat(DeskBrowserIT.Browsers.scriptProblems(browser)).isEmpty();
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void anAgentRecordsAWalkInAndAnEmailForACustomerWhoIsNotOnTheLine() throws Exception {
        String name = TestEnvironment.row("SELECT name FROM customer WHERE id = ?", CUSTOMER).get("name");
        String account = TestEnvironment.row("SELECT account_number FROM account WHERE customer_id = ? ORDER BY id", CUSTOMER)
                .get("account_number");
        for (int i = 0; i < 11; i++) {
            open(account, "INQUIRY", "客户页分页 " + i);
        }
        String waiting = open(account, "COMPLAINT", "等客户补充凭证");
        awaitCustomer(waiting);
        long openOrders = count("SELECT COUNT(*) AS n FROM work_order WHERE customer_id = ? AND state NOT IN ('CLOSED', 'CANCELLED')");
        assertThat(openOrders).isGreaterThan(10);

        browser = DeskBrowserIT.Browsers.open();
        DeskBrowserIT.Browsers.signIn(browser, AGENT, "agent123", "desk/customers.xhtml");
        browser.findElement(By.id("customers:query")).sendKeys(name);
        click(By.id("customers:search"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(10)).until(() -> text("customers:table").contains(name));
        click(By.id("customers:table:0:open"));
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("desk/customer.xhtml?id=" + CUSTOMER));
        assertThat(text("case-customer")).contains(name);

        // every open order, ten at a time
        assertThat(text("case:orders")).contains("共 " + openOrders + " 张未结工单");
        click(By.cssSelector("#case\\:orders .ui-paginator-next"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(10)).until(() -> browser.findElements(
                By.cssSelector("#case\\:orders tbody tr")).size() == Math.min(10, openOrders - 10));

        // a walk-in that opens an order, the button clicked twice: one contact, one order
        long contactsBefore = count("SELECT COUNT(*) AS n FROM customer_contact WHERE customer_id = ?");
        browser.findElement(By.id("case:summary")).sendKeys("客户到营业厅反映门前路灯不亮");
        click(By.cssSelector("label[for='case:orderChoice:1']"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("case:orderSubject")).isDisplayed());
        browser.findElement(By.id("case:orderSubject")).sendKeys("门前路灯不亮");
        ((JavascriptExecutor) browser).executeScript(
                "var b = document.getElementById('case:record'); b.click(); b.click();");
        await().ignoreExceptions().atMost(Duration.ofSeconds(15)).until(() -> text("case:messages").contains("已创建工单 GD"));
        Thread.sleep(1_500);
        assertThat(count("SELECT COUNT(*) AS n FROM customer_contact WHERE customer_id = ?")).isEqualTo(contactsBefore + 1);
        var walkIn = TestEnvironment.row("SELECT c.channel, c.created_by, c.work_order_no, c.order_outcome, w.channel AS order_channel,"
                + " w.customer_id, w.subject, w.request_key = c.request_key AS same_key FROM customer_contact c"
                + " JOIN work_order w ON w.order_no = c.work_order_no WHERE c.customer_id = ? ORDER BY c.id DESC LIMIT 1", CUSTOMER);
        assertThat(walkIn).containsEntry("channel", "WALK_IN").containsEntry("created_by", AGENT)
                .containsEntry("order_outcome", "OPENED").containsEntry("order_channel", "DESK")
                .containsEntry("customer_id", String.valueOf(CUSTOMER)).containsEntry("subject", "门前路灯不亮")
                .containsEntry("same_key", "1");
        assertThat(count("SELECT COUNT(*) AS n FROM work_order WHERE customer_id = ? AND subject = '门前路灯不亮'")).isEqualTo(1);
        await().ignoreExceptions().atMost(Duration.ofSeconds(10)).until(() -> text("case:contacts")
                .contains("营业厅来访") && text("case:contacts").contains("建工单 " + walkIn.get("work_order_no")));
        assertThat(browser.findElement(By.id("case:summary")).getAttribute("value")).as("the form is cleared for the next contact")
                .isEmpty();

        // an e-mail answering the order that waits on the customer: it runs again, the order's history says so
        click(By.id("case:channel"));
        click(By.cssSelector("li[data-label='电子邮件']"));
        browser.findElement(By.id("case:summary")).sendKeys("客户邮件补充了缴费凭证");
        click(By.cssSelector("label[for='case:orderChoice:2']"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("case:noteOrderNo")).isDisplayed());
        click(By.id("case:noteOrderNo"));
        click(By.cssSelector("#case\\:noteOrderNo_items li[data-label^='" + waiting + "']"));
        click(By.id("case:record"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(15))
                .until(() -> text("case:messages").contains("已添加到工单 " + waiting));
        assertThat(TestEnvironment.row("SELECT e.note, e.actor, e.channel FROM work_order_event e JOIN work_order w"
                + " ON w.id = e.work_order_id WHERE w.order_no = ? AND e.event_type = 'SLA_RESUMED'", waiting))
                .containsEntry("note", "（电子邮件） 客户邮件补充了缴费凭证").containsEntry("actor", AGENT);
        assertThat(text("case:contacts")).contains("电子邮件", "补充工单 " + waiting, "客户邮件补充了缴费凭证");

        // nothing said: refused with a clear message, nothing stored
        long contacts = count("SELECT COUNT(*) AS n FROM customer_contact WHERE customer_id = ?");
        click(By.cssSelector("label[for='case:orderChoice:0']"));
        click(By.id("case:record"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(10)).until(() -> text("case:messages").contains("请填写联系内容"));
        assertThat(count("SELECT COUNT(*) AS n FROM customer_contact WHERE customer_id = ?")).isEqualTo(contacts);

        // one long unbroken word and a right-to-left override stay inside the page and their own cell
        String word = "长".repeat(20) + "X".repeat(300);
        browser.findElement(By.id("case:summary")).sendKeys(word + " \u202E倒过来");
        click(By.id("case:record"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(15)).until(() -> text("case:messages").contains("联系记录已保存"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(10)).until(() -> text("case:contacts").contains("XXXXXXXX"));
        assertThat(((Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).intValue())
                .as("the page does not scroll sideways").isLessThanOrEqualTo(0);

        // the same page in English
        click(By.cssSelector("a[id$='language']"));
        await().ignoreExceptions().atMost(Duration.ofSeconds(10)).until(() -> text("case:contact").contains("Record a contact"));
        assertThat(text("case:contacts")).contains("Walk-in", "E-mail", "Opened order " + walkIn.get("work_order_no"));
        assertThat(text("case:orders")).contains(openOrders + 1 + " open orders");
        click(By.cssSelector("a[id$='language']"));
    }

    @Test
    void anAddressWithoutAUsableCustomerIsAClear4xx() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
        http.send(HttpRequest.newBuilder(TestEnvironment.app("desk/customers.xhtml")).GET().build(), HttpResponse.BodyHandlers.discarding());
        String form = "j_username=" + AGENT + "&j_password=" + URLEncoder.encode("agent123", StandardCharsets.UTF_8);
        http.send(HttpRequest.newBuilder(TestEnvironment.app("j_security_check")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        String[][] cases = {
            {"desk/customer.xhtml", "400", "地址中没有客户编号"},
            {"desk/customer.xhtml?id=", "400", "地址中没有客户编号"},
            {"desk/customer.xhtml?id=99999999", "404", "未找到该客户"},
            {"desk/customer.xhtml?id=abc", "404", "未找到该客户"},
            {"desk/customer.xhtml?id=" + "9".repeat(400), "404", "未找到该客户"},
            {"desk/customer.xhtml?id=1%20OR%201%3D1", "404", "未找到该客户"},
        };
        for (String[] c : cases) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(TestEnvironment.app(c[0])).header("Accept-Language", "zh-CN")
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
            assertThat(page.body()).as(c[0]).contains(c[2]).doesNotContain("case:contact");
        }
        HttpResponse<String> found = http.send(HttpRequest.newBuilder(TestEnvironment.app("desk/customer.xhtml?id=" + CUSTOMER))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(found.statusCode()).isEqualTo(200);
        String mobile = TestEnvironment.row("SELECT mobile_phone FROM customer WHERE id = ?", CUSTOMER).get("mobile_phone");
        assertThat(found.body()).as("phone numbers masked").contains(mobile.substring(0, 3) + "****" + mobile.substring(7))
                .doesNotContain(mobile);
    }

    /** Opens an order for the account through the API; returns its number. */
    private static String open(String account, String type, String subject) throws Exception {
        HttpResponse<String> created = TestEnvironment.call("agent01", "agent123", "POST", "api/work-orders",
                "{\"type\":\"" + type + "\",\"accountNumber\":\"" + account + "\",\"subject\":\"" + subject + "\"}");
        Matcher m = Pattern.compile("\"orderNo\":\"([^\"]+)\"").matcher(created.body());
        assertThat(m.find()).as(created.body()).isTrue();
        return m.group(1);
    }

    /** Dispatches nothing itself: waits for routing to dispatch the order, then pauses it for the customer. */
    private static void awaitCustomer(String orderNo) throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> "DISPATCHED".equals(
                TestEnvironment.row("SELECT state FROM work_order WHERE order_no = ?", orderNo).get("state")));
        HttpResponse<String> paused = TestEnvironment.call("agent01", "agent123", "POST", "api/work-orders/" + orderNo + "/actions",
                "{\"action\":\"AWAIT_CUSTOMER\",\"note\":\"等待客户提供凭证\"}");
        assertThat(paused.body()).contains("\"slaStatus\":\"PAUSED\"");
    }

    private static long count(String sql) throws Exception {
        return Long.parseLong(TestEnvironment.row(sql, CUSTOMER).get("n"));
    }

    private void click(By locator) {
        await().ignoreException(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoreException(org.openqa.selenium.ElementClickInterceptedException.class)
                .ignoreException(org.openqa.selenium.ElementNotInteractableException.class)
                .ignoreException(org.openqa.selenium.NoSuchElementException.class).atMost(Duration.ofSeconds(10))
                .until(() -> {
                    browser.findElement(locator).click();
                    return true;
                });
    }

    private String text(String id) {
        Object text = ((JavascriptExecutor) browser).executeScript(
                "var e = document.getElementById(arguments[0]); return e ? e.innerText : '';", id);
        return text == null ? "" : text.toString().strip();
    }
}
