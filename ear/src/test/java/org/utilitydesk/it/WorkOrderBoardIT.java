package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.utilitydesk.it.TestEnvironment.app;
import static org.utilitydesk.it.TestEnvironment.as;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The desk's work-order board and detail page over HTTP, as the browser posts them: an overdue order
 * shows in red on the board filtered to overdue orders, and an agent starts an order from its page; the
 * same (stale) form sent again is refused with a clear message and changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WorkOrderBoardIT {

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final HttpClient api = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.realEar();
    }

    @Test
    void anOverdueOrderIsRedOnTheBoardFilteredToOverdueOrders() throws Exception {
        String overdue = open();
        String onTrack = open();
        try (Connection c = TestEnvironment.database(); PreparedStatement ps = c.prepareStatement(
                "UPDATE work_order SET sla_due_at = UTC_TIMESTAMP(3) - INTERVAL 25 MINUTE WHERE order_no = ?")) {
            ps.setString(1, overdue);
            ps.executeUpdate();
        }
        login();
        String board = get("desk/work-orders.xhtml?sla=BREACHED").body();
        assertThat(board).contains(overdue).doesNotContain(onTrack).contains("sla-BREACHED").contains("class=\"overdue\"")
                .containsPattern("已超时 2[5-9] 分钟");
        assertThat(get("desk/work-orders.xhtml?sla=ON_TRACK&type=INQUIRY").body()).contains(onTrack).doesNotContain(overdue)
                .contains("剩余");
    }

    @Test
    void anAgentStartsAnOrderAndAStaleSecondSubmitIsRefused() throws Exception {
        String orderNo = open();
        login();
        HttpResponse<String> page = get("desk/work-order.xhtml?no=" + orderNo);
        assertThat(page.body()).contains(orderNo).contains("已派单").contains("派单");
        String viewState = viewState(page.body());
        String nonce = TestEnvironment.nonce(page.body());

        String started = submit(orderNo, viewState, nonce, "START", "已电话联系客户").body();
        assertThat(started).contains("已完成：开始处理").contains("处理中").contains("已电话联系客户");

        String again = submit(orderNo, viewState, nonce, "START", "再点一次").body();
        assertThat(again).contains("工单当前为“处理中”，不能执行“开始处理”。");
        assertThat(TestEnvironment.row("SELECT COUNT(*) AS n FROM work_order_event e JOIN work_order w ON w.id = e.work_order_id"
                + " WHERE w.order_no = ? AND e.event_type = 'STARTED'", orderNo)).containsEntry("n", "1");

        String noNote = submit(orderNo, viewState(again), TestEnvironment.nonce(again), "NOTE", "").body();
        assertThat(noNote).contains("此操作需要填写说明。");
    }

    private HttpResponse<String> submit(String orderNo, String viewState, String nonce, String action, String note) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("order", "order");
        form.put("order:action_input", action);
        form.put("order:note", note);
        form.put("order:act", "order:act");
        form.put("jakarta.faces.ViewState", viewState);
        form.put("primefaces.nonce", nonce);
        String body = TestEnvironment.formBody(form);
        return browser.send(HttpRequest.newBuilder(app("desk/work-order.xhtml?no=" + orderNo))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String viewState(String html) {
        return TestEnvironment.viewState(html);
    }

    private void login() throws Exception {
        get("desk/work-orders.xhtml");
        browser.send(HttpRequest.newBuilder(app("j_security_check")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=agent01&j_password=agent123")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(app(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String open() throws Exception {
        String body = "{\"type\":\"INQUIRY\",\"accountNumber\":\"" + TestEnvironment.FIRST_ACCOUNT
                + "\",\"subject\":\"看板测试\",\"requestKey\":\"board-" + UUID.randomUUID() + "\"}";
        HttpResponse<String> created = api.send(as("agent01", "agent123", app("api/work-orders"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"orderNo\":\"([^\"]+)\"").matcher(created.body());
        assertThat(m.find()).as(created.body()).isTrue();
        String orderNo = m.group(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> "DISPATCHED".equals(
                TestEnvironment.row("SELECT state FROM work_order WHERE order_no = ?", orderNo).get("state")));
        return orderNo;
    }
}
