package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.utilitydesk.it.TestEnvironment.app;
import static org.utilitydesk.it.TestEnvironment.as;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * A work order whose routing keeps failing (no routing rule for its type) ends in the broker's
 * dead-letter queue after the redeliveries; a supervisor sees it, with the order it holds up, through
 * the API and on the console page, fixes the rule and retries it there, and the order is dispatched, once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeadLetterIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.realEar();
    }

    @Test
    void aSupervisorRetriesADeadLetterOnceTheCauseIsFixed() throws Exception {
        String orderNo;
        try {
            sql("DELETE FROM routing_rule WHERE order_type = 'REPORT'");
            orderNo = openReport();
            String order = orderNo;
            await().atMost(Duration.ofSeconds(90)).until(() -> deadLetters("supervisor", "super123").body().contains(order));
        } finally {
            sql("DELETE FROM routing_rule WHERE order_type = 'REPORT'");
            sql("INSERT INTO routing_rule (order_type, service_area_id, department_id, rank_no) VALUES ('REPORT', NULL, 4, 100)");
        }
        assertThat(state(orderNo)).isEqualTo("NEW");
        assertThat(deadLetters("agent01", "agent123").statusCode()).as("supervisors only").isEqualTo(403);

        // each dead letter is one JSON object {"address":…,"body":…,"id":…,"sentAt":…,"workOrders":[…]}
        String list = deadLetters("supervisor", "super123").body();
        String letter = java.util.Arrays.stream(list.split("\\{\"address\":")).filter(chunk -> chunk.contains(orderNo))
                .findFirst().orElseThrow();
        assertThat(letter).startsWith("\"utilitydesk.WorkOrderEvents\"");
        Matcher id = Pattern.compile("\"id\":\"(ID:[^\"]+)\"").matcher(letter);
        assertThat(id.find()).as(letter).isTrue();

        assertThat(letter).contains("\"workOrders\":[{\"orderNo\":\"" + orderNo + "\",\"state\":\"NEW\"}]");

        retryOnTheConsolePage(orderNo);
        String order = orderNo;
        await().atMost(Duration.ofSeconds(20)).until(() -> "DISPATCHED".equals(state(order)));
        assertThat(deadLetters("supervisor", "super123").body()).doesNotContain(orderNo);
        assertThat(TestEnvironment.row("SELECT COUNT(*) n FROM work_order_event e JOIN work_order w ON w.id = e.work_order_id"
                + " WHERE w.order_no = ? AND e.event_type = 'DISPATCHED'", orderNo).get("n")).as("dispatched once").isEqualTo("1");
        HttpResponse<String> again = retry(id.group(1));
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).contains("死信队列中没有消息");
    }

    @Test
    void ofOrdersOpenedTogetherOnlyTheOneThatCannotBeRoutedIsDeadLettered() throws Exception {
        String key = "dlq-batch-" + UUID.randomUUID();
        String[] numbers;
        try {
            sql("DELETE FROM routing_rule WHERE order_type = 'REPORT'");
            HttpResponse<String> created = http.send(as("agent01", "agent123", app("api/work-orders/batch"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("["
                            + order("INQUIRY", key + "-1") + "," + order("REPORT", key + "-2") + "," + order("INQUIRY", key + "-3") + "]"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            numbers = Pattern.compile("\"orderNo\":\"([^\"]+)\"").matcher(created.body()).results().map(m -> m.group(1))
                    .toArray(String[]::new);
            assertThat(numbers).hasSize(3);
            String[] orders = numbers;
            await().atMost(Duration.ofSeconds(30)).until(() -> "DISPATCHED".equals(state(orders[0])) && "DISPATCHED".equals(state(orders[2])));
            String reportId = TestEnvironment.row("SELECT id FROM work_order WHERE order_no = ?", numbers[1]).get("id");
            await().atMost(Duration.ofSeconds(90)).until(() -> deadLetters("supervisor", "super123").body()
                    .contains("\\\"workOrderId\\\":" + reportId));
            assertThat(state(numbers[1])).isEqualTo("NEW");
            assertThat(deadLetters("supervisor", "super123").body()).as("the letter names the order, not only its id")
                    .contains("{\"orderNo\":\"" + numbers[1] + "\",\"state\":\"NEW\"}");
            assertThat(deadLetters("supervisor", "super123").body()).as("the batch's own message is not dead-lettered")
                    .doesNotContain("WORK_ORDERS_OPENED");
        } finally {
            sql("DELETE FROM routing_rule WHERE order_type = 'REPORT'");
            sql("INSERT INTO routing_rule (order_type, service_area_id, department_id, rank_no) VALUES ('REPORT', NULL, 4, 100)");
        }
        assertThat(TestEnvironment.row("SELECT COUNT(*) n FROM work_order_event e JOIN work_order w ON w.id = e.work_order_id"
                + " WHERE w.request_key LIKE ? AND e.event_type = 'DISPATCHED'", key + "%").get("n"))
                .as("each of the routable orders dispatched once").isEqualTo("2");
    }

    /**
     * The supervisor finds the letter on the console page by the order it holds up and retries it; a second
     * click on the same row (sent before the page could change) is told the letter is gone.
     */
    private static void retryOnTheConsolePage(String orderNo) {
        WebDriver browser = DeskBrowserIT.Browsers.open();
        try {
            DeskBrowserIT.Browsers.signIn(browser, "supervisor", "super123", "supervisor/dead-letters.xhtml");
            By row = By.xpath("//tr[contains(@class,'dead-letter')][.//a[normalize-space()='" + orderNo + "']]");
            WebElement letter = browser.findElement(row);
            assertThat(letter.getText()).contains("utilitydesk.WorkOrderEvents").contains("新建");
            assertThat(letter.findElement(By.tagName("a")).getAttribute("href")).endsWith("desk/work-order.xhtml?no=" + orderNo);

            ((JavascriptExecutor) browser).executeScript("var b = arguments[0]; b.click(); b.click();",
                    letter.findElement(By.cssSelector("button[id$=':retry']")));
            await().atMost(Duration.ofSeconds(20)).until(() -> browser.findElements(row).isEmpty());
            // the page disables the button while its request runs; if a second click still went out, it is told the letter is gone
            await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("letters:messages")).getText()
                    .matches("(?s).*(已送回原队列|死信队列中没有消息).*"));
            assertThat(DeskBrowserIT.Browsers.scriptProblems(browser)).as("refused or failing scripts").isEmpty();
        } finally {
            browser.quit();
        }
    }

    private static String order(String type, String key) {
        return "{\"type\":\"" + type + "\",\"accountNumber\":\"" + TestEnvironment.FIRST_ACCOUNT
                + "\",\"subject\":\"批量受理\",\"requestKey\":\"" + key + "\"}";
    }

    private String openReport() throws Exception {
        String body = "{\"type\":\"REPORT\",\"accountNumber\":\"" + TestEnvironment.FIRST_ACCOUNT
                + "\",\"subject\":\"举报窃电\",\"requestKey\":\"dlq-" + UUID.randomUUID() + "\"}";
        HttpResponse<String> created = http.send(as("agent01", "agent123", app("api/work-orders"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher m = Pattern.compile("\"orderNo\":\"([^\"]+)\"").matcher(created.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> deadLetters(String user, String password) throws Exception {
        return http.send(as(user, password, app("api/dead-letters")).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> retry(String id) throws Exception {
        return http.send(as("supervisor", "super123", app("api/dead-letters/" + URLEncoder.encode(id, StandardCharsets.UTF_8)
                + "/retry")).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String state(String orderNo) throws Exception {
        return TestEnvironment.row("SELECT state FROM work_order WHERE order_no = ?", orderNo).get("state");
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = TestEnvironment.database(); Statement st = c.createStatement()) {
            st.executeUpdate(statement);
        }
    }
}
