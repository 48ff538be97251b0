package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.utilitydesk.it.TestEnvironment.app;
import static org.utilitydesk.it.TestEnvironment.as;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * A work order's life through the API on the real server: dispatch by the router, work, a pause while
 * waiting on the customer, resolve, close, with every step in its history and the customer told through
 * the outbox; refused moves explained; the SLA watch warning and escalating; fault reports from one area
 * folding into an incident that resolves them all.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WorkOrderLifecycleIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private final HttpClient http = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.realEar();
    }

    @Test
    void anOrderGoesFromDispatchThroughAPauseToClosedWithItsWholeHistory() throws Exception {
        String orderNo = open(TestEnvironment.FIRST_ACCOUNT, "13900000011", "COMPLAINT");

        assertThat(act("agent01", orderNo, "START", "已联系客户").statusCode()).isEqualTo(200);
        assertThat(act("agent01", orderNo, "AWAIT_CUSTOMER", "等待客户提供缴费凭证").body()).contains("\"slaStatus\":\"PAUSED\"");
        assertThat(act("agent01", orderNo, "CUSTOMER_RESPONDED", "客户已上传凭证").body()).contains("\"slaStatus\":\"ON_TRACK\"");
        assertThat(act("agent01", orderNo, "RESOLVE", "已退还多收电费").body()).contains("\"state\":\"RESOLVED\"");
        String closed = act("agent01", orderNo, "CLOSE", null).body();

        assertThat(closed).contains("\"state\":\"CLOSED\"", "\"slaStatus\":\"NONE\"");
        assertThat(eventTypes(closed)).containsExactly("CREATED", "DISPATCHED", "STARTED", "SLA_PAUSED", "SLA_RESUMED",
                "RESOLVED", "CLOSED");
        assertThat(closed).contains("\"actor\":\"agent01\"", "\"channel\":\"API\"", "等待客户提供缴费凭证");
        assertThat(eventTypes(get(orderNo))).as("the history as stored").containsExactly("CREATED", "DISPATCHED", "STARTED",
                "SLA_PAUSED", "SLA_RESUMED", "RESOLVED", "CLOSED");
        assertThat(outbox("accepted:" + orderNo)).isEqualTo("SMS 13900000011 WORK_ORDER_ACCEPTED");
        assertThat(outbox("resolved:" + orderNo)).isEqualTo("SMS 13900000011 WORK_ORDER_RESOLVED");
    }

    @Test
    void refusedMovesSayWhyInTheCallersLanguage() throws Exception {
        String orderNo = open(TestEnvironment.FIRST_ACCOUNT, null, "INQUIRY");

        HttpResponse<String> close = act("agent01", orderNo, "CLOSE", null);
        assertThat(close.statusCode()).isEqualTo(409);
        assertThat(close.body()).contains("工单当前状态为“已派单”，不能转为“已关闭”。");
        HttpResponse<String> english = http.send(as("agent01", "agent123", app("api/work-orders/" + orderNo + "/actions"))
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"CLOSE\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(english.body()).contains("The work order is dispatched; it cannot be closed.");

        assertThat(act("agent01", orderNo, "CANCEL", "客户撤回").statusCode()).as("agents may not cancel").isEqualTo(403);
        HttpResponse<String> noReason = act("supervisor", orderNo, "CANCEL", "  ");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("需要填写说明");
        assertThat(act("agent01", orderNo, "TELEPORT", null).statusCode()).isEqualTo(400);
        assertThat(act("agent01", "GD0000", "START", null).statusCode()).isEqualTo(404);
        assertThat(act("supervisor", orderNo, "CANCEL", "客户撤回").body()).contains("\"state\":\"CANCELLED\"");
    }

    @Test
    void theSlaWatchWarnsAt80PercentAndEscalatesOnBreach() throws Exception {
        String orderNo = open(TestEnvironment.FIRST_ACCOUNT, null, "INQUIRY");
        // dispatched 90 minutes ago with 10 minutes left: 90% of the time has passed
        update("UPDATE work_order SET dispatched_at = UTC_TIMESTAMP(3) - INTERVAL 90 MINUTE,"
                + " sla_due_at = UTC_TIMESTAMP(3) + INTERVAL 10 MINUTE WHERE order_no = ?", orderNo);
        await().atMost(PATIENCE).until(() -> eventTypes(get(orderNo)).contains("SLA_WARNING"));
        assertThat(get(orderNo)).contains("\"slaStatus\":\"AT_RISK\"", "\"escalationLevel\":0");

        update("UPDATE work_order SET sla_due_at = UTC_TIMESTAMP(3) - INTERVAL 1 MINUTE WHERE order_no = ?", orderNo);
        await().atMost(PATIENCE).until(() -> eventTypes(get(orderNo)).contains("SLA_BREACHED"));
        assertThat(get(orderNo)).contains("\"slaStatus\":\"BREACHED\"", "\"escalationLevel\":1");
        assertThat(outbox("sla-breach:" + orderNo + ":%")).startsWith("EMAIL ").endsWith(" WORK_ORDER_SLA_BREACHED");
        Thread.sleep(5_000);
        assertThat(eventTypes(get(orderNo))).as("warned and escalated once only")
                .containsOnlyOnce("SLA_WARNING", "SLA_BREACHED");

        // work starts late: the clock runs on to the resolve deadline, and missing that too is escalated again
        assertThat(act("agent01", orderNo, "START", null).statusCode()).isEqualTo(200);
        assertThat(get(orderNo)).contains("\"slaStatus\":\"ON_TRACK\"");
        update("UPDATE work_order SET sla_due_at = UTC_TIMESTAMP(3) - INTERVAL 1 MINUTE WHERE order_no = ?", orderNo);
        await().atMost(PATIENCE).until(() -> eventTypes(get(orderNo)).stream().filter("SLA_BREACHED"::equals).count() == 2);
        assertThat(get(orderNo)).contains("\"escalationLevel\":2");
        assertThat(Integer.parseInt(TestEnvironment.row("SELECT COUNT(*) AS n FROM notification_outbox WHERE dedup_key LIKE ?",
                "sla-breach:" + orderNo + ":%").get("n"))).as("the supervisor is told of each").isEqualTo(2);
    }

    @Test
    void faultReportsFromOneAreaFoldIntoAnIncidentThatResolvesThemAll() throws Exception {
        List<String> accounts = twoAccountsInAQuietArea();
        String first = open(accounts.get(0), "13900000021", "FAULT_REPAIR");
        String second = open(accounts.get(1), "13900000022", "FAULT_REPAIR");

        await().atMost(PATIENCE).until(() -> field(get(second), "incidentNo") != null);
        String incidentNo = field(get(second), "incidentNo");
        assertThat(field(get(first), "incidentNo")).isEqualTo(incidentNo);
        String incident = http.send(as("agent01", "agent123", app("api/incidents/" + incidentNo)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(incident).contains("\"state\":\"OPEN\"", first, second);
        assertThat(TestEnvironment.row("SELECT status FROM outage_notice WHERE incident_id = (SELECT id FROM incident"
                + " WHERE incident_no = ?)", incidentNo)).containsEntry("status", "ACTIVE");

        assertThat(resolveIncident("agent01", incidentNo).statusCode()).as("supervisors only").isEqualTo(403);
        HttpResponse<String> resolved = resolveIncident("supervisor", incidentNo);
        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(resolved.body()).contains("\"state\":\"RESOLVED\"");
        for (String orderNo : List.of(first, second)) {
            assertThat(get(orderNo)).contains("\"state\":\"RESOLVED\"", "随故障事件" + incidentNo + "一并处理");
        }
        assertThat(outbox("resolved:" + first)).isEqualTo("SMS 13900000021 WORK_ORDER_RESOLVED");
        assertThat(outbox("resolved:" + second)).isEqualTo("SMS 13900000022 WORK_ORDER_RESOLVED");
        assertThat(TestEnvironment.row("SELECT status FROM outage_notice WHERE incident_id = (SELECT id FROM incident"
                + " WHERE incident_no = ?)", incidentNo)).containsEntry("status", "RESTORED");
        assertThat(resolveIncident("supervisor", incidentNo).statusCode()).as("resolving twice is harmless").isEqualTo(200);
    }

    @Test
    void aCustomerFollowsTheirOrderWithTheLastFourDigitsOfTheirPhoneAndNothingMore() throws Exception {
        String orderNo = open(TestEnvironment.FIRST_ACCOUNT, "13900000031", "COMPLAINT");
        assertThat(act("agent01", orderNo, "START", "已联系客户，内部备注").statusCode()).isEqualTo(200);

        HttpResponse<String> found = portal(orderNo, "0031", "zh-CN");
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(found.body()).contains("\"state\":\"IN_PROGRESS\"", "\"stateLabel\":\"处理中\"", "\"typeLabel\":\"投诉\"")
                .doesNotContain("内部备注", "agent01", "13900000031");
        assertThat(stepStates(found.body())).containsExactly("NEW", "DISPATCHED", "IN_PROGRESS");
        assertThat(portal(orderNo, "0031", "en").body()).contains("\"stateLabel\":\"in progress\"");

        assertThat(portal(orderNo, "12a4", "zh-CN").statusCode()).isEqualTo(400);
        assertThat(portal("GD0000000000000000", "0031", "zh-CN").statusCode()).isEqualTo(404);
        HttpResponse<String> wrong = portal(orderNo, "1234", "zh-CN");
        assertThat(wrong.statusCode()).isEqualTo(404);
        assertThat(wrong.body()).contains("未找到该工单，或电话后四位不符。");
        for (int miss = 2; miss <= 5; miss++) {
            assertThat(portal(orderNo, "000" + miss, "zh-CN").statusCode()).isEqualTo(404);
        }
        HttpResponse<String> locked = portal(orderNo, "0031", "zh-CN");
        assertThat(locked.statusCode()).as("five misses lock the number, right digits or not").isEqualTo(429);
        assertThat(locked.body()).contains("15 分钟后再试");

        // the same on the portal page, for another order: a Faces form posted back with its view state
        String other = open(TestEnvironment.FIRST_ACCOUNT, "13900000032", "INQUIRY");
        java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("query", "query");
        form.put("query:orderNo", other.toLowerCase());
        form.put("query:phone", "0032");
        form.put("query:look", "query:look");
        String answered = TestEnvironment.openAndPost("portal/order.xhtml", form, "工单进度查询");
        assertThat(answered).contains(other, "已派单", "咨询", "承诺处理时限");
    }

    private HttpResponse<String> portal(String orderNo, String digits, String language) throws Exception {
        return http.send(HttpRequest.newBuilder(app("api/portal/work-orders/" + orderNo + "?phone=" + digits))
                .header("Accept-Language", language).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> stepStates(String progressJson) {
        String json = progressJson.replace(" ", "");
        Matcher m = Pattern.compile("\\{\"at\":\"[^\"]*\",\"state\":\"([A-Z_]+)\"").matcher(json.substring(json.indexOf("\"steps\"")));
        List<String> states = new ArrayList<>();
        while (m.find()) {
            states.add(m.group(1));
        }
        return states;
    }

    /** Opens an order through the API and waits until the router has dispatched it; returns its number. */
    private String open(String account, String phone, String type) throws Exception {
        String body = "{\"type\":\"" + type + "\",\"accountNumber\":\"" + account + "\",\"subject\":\"生命周期测试\""
                + ",\"requestKey\":\"lifecycle-" + UUID.randomUUID() + "\"" + (phone == null ? "" : ",\"contactPhone\":\"" + phone + "\"") + "}";
        HttpResponse<String> created = http.send(as("agent01", "agent123", app("api/work-orders"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String orderNo = field(created.body(), "orderNo");
        await().atMost(PATIENCE).until(() -> get(orderNo).contains("\"state\":\"DISPATCHED\""));
        return orderNo;
    }

    private HttpResponse<String> act(String user, String orderNo, String action, String note) throws Exception {
        String password = "supervisor".equals(user) ? "super123" : "agent123";
        String body = "{\"action\":\"" + action + "\"" + (note == null ? "" : ",\"note\":\"" + note + "\"") + "}";
        return http.send(as(user, password, app("api/work-orders/" + orderNo + "/actions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> resolveIncident(String user, String incidentNo) throws Exception {
        String password = "supervisor".equals(user) ? "super123" : "agent123";
        return http.send(as(user, password, app("api/incidents/" + incidentNo + "/resolve"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"note\":\"线路已修复\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private String get(String orderNo) throws Exception {
        return http.send(as("agent01", "agent123", app("api/work-orders/" + orderNo)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body().replace(" ", "");
    }

    private static List<String> eventTypes(String orderJson) {
        List<String> types = new ArrayList<>();
        String json = orderJson.replace(" ", "");
        String events = json.substring(json.indexOf("\"events\":["), json.indexOf("]", json.indexOf("\"events\":[")));
        Matcher m = Pattern.compile("\"type\":\"([A-Z_]+)\"").matcher(events);
        while (m.find()) {
            // notifications join the history only while an SMS centre is up (NotificationIT checks them)
            if (!m.group(1).startsWith("NOTIF")) {
                types.add(m.group(1));
            }
        }
        return types;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    /** "SMS 139… TEMPLATE" for the outbox row with this key, or null. */
    private static String outbox(String key) throws Exception {
        var row = TestEnvironment.row("SELECT channel, recipient, template FROM notification_outbox WHERE dedup_key LIKE ?", key);
        return row.isEmpty() ? null : row.get("channel") + " " + row.get("recipient") + " " + row.get("template");
    }

    private static void update(String sql, String orderNo) throws Exception {
        try (Connection c = TestEnvironment.database(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, orderNo);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    /** Two accounts in a service area no work order has touched yet, so no earlier report folds in. */
    private static List<String> twoAccountsInAQuietArea() throws Exception {
        try (Connection c = TestEnvironment.database(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT a.account_number FROM account a WHERE a.service_area_id = ("
                     + " SELECT s.id FROM service_area s JOIN account x ON x.service_area_id = s.id"
                     + " WHERE s.id NOT IN (SELECT service_area_id FROM work_order WHERE service_area_id IS NOT NULL)"
                     + " AND s.id NOT IN (SELECT service_area_id FROM incident)"
                     + " GROUP BY s.id HAVING COUNT(*) >= 2 ORDER BY s.id LIMIT 1) ORDER BY a.id LIMIT 2")) {
            List<String> accounts = new ArrayList<>();
            while (rs.next()) {
                accounts.add(rs.getString(1));
            }
            assertThat(accounts).as("the demo data has an area with two accounts and no orders").hasSize(2);
            return accounts;
        }
    }
}
