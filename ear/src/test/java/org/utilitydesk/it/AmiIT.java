package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application's manager-interface connection against a scripted Asterisk on the real AMI protocol:
 * it logs in by MD5 challenge, records calls from channel events (also those that never reach the IVR),
 * places outbound calls by Originate and follows their result, and comes back by itself when the
 * connection is lost.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AmiIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private final HttpClient http = HttpClient.newHttpClient();
    private ScriptedManager asterisk;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.realEar();
    }

    @BeforeEach
    void theApplicationIsLoggedIn() {
        asterisk = ScriptedManager.shared();
        asterisk.listen();
        asterisk.nextOriginate(ScriptedManager.Outcome.ANSWERED);
        await().atMost(PATIENCE).until(asterisk::hasLoggedInClient);
        await().atMost(PATIENCE).until(() -> TestEnvironment.readiness().contains("\"state\":\"CONNECTED\""));
    }

    @Test
    void aCallerWhoHangsUpBeforeTheIvrAnswersIsRecordedAsAbandoned() throws Exception {
        ScriptedManager.ManagerCall call = asterisk.newCall(TestEnvironment.FIRST_MOBILE);
        call.hangsUp(16, "Normal Clearing");

        await().atMost(PATIENCE).until(() -> callRecord(call.uniqueId).get("ended_at") != null);
        assertThat(callRecord(call.uniqueId))
                .containsEntry("direction", "INBOUND")
                .containsEntry("caller_number", TestEnvironment.FIRST_MOBILE)
                .containsEntry("answered_at", null)
                .containsEntry("outcome", "ABANDONED")
                .containsEntry("hangup_cause", "NORMAL");
    }

    @Test
    void aHangupEventBeforeTheIvrReportsKeepsTheIvrPathAndItsSteps() throws Exception {
        ScriptedManager.ManagerCall call = asterisk.newCall(TestEnvironment.FIRST_MOBILE);
        await().atMost(PATIENCE).until(() -> !callRecord(call.uniqueId).isEmpty());
        try (ScriptedAsterisk.Call ivr = ScriptedAsterisk.dial("ivr", TestEnvironment.FIRST_MOBILE, call.uniqueId)) {
            call.answered();
            ivr.hangUpAt(command -> command.startsWith("GET OPTION utilitydesk/main-menu"));
            call.hangsUp(16, "Normal Clearing");
        }

        await().atMost(PATIENCE).until(() -> callRecord(call.uniqueId).get("ivr_path") != null
                && callRecord(call.uniqueId).get("ended_at") != null);
        Map<String, String> record = callRecord(call.uniqueId);
        assertThat(record).containsEntry("customer_id", "1").containsEntry("outcome", "ABANDONED");
        assertThat(record.get("ivr_path")).startsWith("ID:CALLER_ID>");
        assertThat(record.get("answered_at")).isNotNull();
        assertThat(steps(record.get("id"))).startsWith("ID=CALLER_ID").contains("MAIN=");
    }

    @Test
    void anAgentClicksToDialAndTheCallIsPlacedAnsweredAndRecorded() throws Exception {
        HttpResponse<String> response = dial("{\"number\":\"13800000001\",\"accountNumber\":\"1000000016\",\"requestKey\":\"click-1\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String id = field(response.body(), "id");

        await().atMost(PATIENCE).until(() -> outboundCall(id).contains("\"endedAt\""));
        assertThat(outboundCall(id)).contains("\"state\":\"ANSWERED\"", "\"answeredAt\"", "\"requestedBy\":\"agent01\"");
        Map<String, String> originate = asterisk.actions("Originate").stream()
                .filter(a -> ("udout-" + id).equals(a.get("channelid"))).findFirst().orElseThrow();
        assertThat(originate).containsEntry("channel", "Local/13800000001@utilitydesk-outbound-dial/n")
                .containsEntry("context", "utilitydesk-outbound").containsEntry("async", "true");
        assertThat(originate.get("variable")).contains("UD_OUTBOUND_ID=" + id);

        await().atMost(PATIENCE).until(() -> callRecord("udout-" + id).get("ended_at") != null);
        assertThat(callRecord("udout-" + id)).containsEntry("direction", "OUTBOUND").containsEntry("account_id", "1")
                .containsEntry("called_number", "13800000001").containsEntry("outcome", "ANSWERED");
    }

    @Test
    void aDoubleClickPlacesOneCall() throws Exception {
        int before = asterisk.actions("Originate").size();
        String body = "{\"number\":\"13800000002\",\"requestKey\":\"double-click-7\"}";
        String first = field(dial(body).body(), "id");
        String second = field(dial(body).body(), "id");
        assertThat(second).isEqualTo(first);
        await().atMost(PATIENCE).until(() -> outboundCall(first).contains("\"endedAt\""));
        assertThat(asterisk.actions("Originate")).hasSize(before + 1);
    }

    @Test
    void anAgentCallsACustomerFromTheDeskListAndAQuickSecondClickPlacesNoSecondCall() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        browser.send(HttpRequest.newBuilder(TestEnvironment.app("desk/customers.xhtml")).GET().build(), HttpResponse.BodyHandlers.ofString());
        browser.send(HttpRequest.newBuilder(TestEnvironment.app("j_security_check")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=agent03&j_password=agent123")).build(),
                HttpResponse.BodyHandlers.ofString());
        String page = browser.send(HttpRequest.newBuilder(TestEnvironment.app("desk/customers.xhtml?q=" + TestEnvironment.FIRST_MOBILE))
                .header("Accept-Language", "zh-CN").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("customers:table:0:dial").doesNotContain(TestEnvironment.FIRST_MOBILE + "<");
        java.util.Map<String, String> click = new java.util.LinkedHashMap<>();
        click.put("jakarta.faces.partial.ajax", "true");
        click.put("jakarta.faces.source", "customers:table:0:dial");
        click.put("jakarta.faces.partial.execute", "customers:table:0:dial");
        click.put("jakarta.faces.partial.render", "customers:messages");
        click.put("customers:table:0:dial", "customers:table:0:dial");
        click.put("customers", "customers");
        click.put("jakarta.faces.ViewState", TestEnvironment.viewState(page));
        click.put("primefaces.nonce", TestEnvironment.nonce(page));
        java.util.function.Predicate<Map<String, String>> toTheCustomer =
                a -> ("Local/" + TestEnvironment.FIRST_MOBILE + "@utilitydesk-outbound-dial/n").equals(a.get("channel"))
                        && String.valueOf(a.get("variable")).contains("UD_PURPOSE=CLICK_TO_DIAL");
        long before = asterisk.actions("Originate").stream().filter(toTheCustomer).count();

        String answer = "";
        for (int clicks = 0; clicks < 2; clicks++) {
            answer = browser.send(HttpRequest.newBuilder(TestEnvironment.app("desk/customers.xhtml")).header("Accept-Language", "zh-CN")
                    .header("Faces-Request", "partial/ajax").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(TestEnvironment.formBody(click))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
        assertThat(answer).contains("正在呼叫", "请先接起您的话机").doesNotContain(TestEnvironment.FIRST_MOBILE);
        await().atMost(PATIENCE).until(() -> asterisk.actions("Originate").stream().filter(toTheCustomer).count() > before);
        Thread.sleep(1_000);
        List<Map<String, String>> placed = asterisk.actions("Originate").stream().filter(toTheCustomer).toList();
        assertThat(placed).as("two clicks, one call").hasSize((int) before + 1);
        assertThat(placed.get(placed.size() - 1).get("variable")).contains("UD_AGENT_EXTENSION=");
    }

    @Test
    void aBusyNumberIsReportedAsBusy() throws Exception {
        asterisk.nextOriginate(ScriptedManager.Outcome.BUSY);
        String id = field(dial("{\"number\":\"13800000003\"}").body(), "id");
        await().atMost(PATIENCE).until(() -> outboundCall(id).contains("\"state\":\"BUSY\""));
        assertThat(outboundCall(id)).contains("\"endedAt\"").doesNotContain("\"answeredAt\"");
    }

    @Test
    void badNumbersAreRefusedBeforeAnythingIsDialled() throws Exception {
        int before = asterisk.actions("Originate").size();
        HttpResponse<String> response = dial("{\"number\":\"138-0000\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("number（号码）须为3至20位数字");
        assertThat(asterisk.actions("Originate")).hasSize(before);
    }

    @Test
    void theConnectionComesBackAfterAsteriskDropsItAndAfterAnOutage() throws Exception {
        int logins = asterisk.logins();
        asterisk.dropConnections();
        await().atMost(PATIENCE).until(() -> asterisk.logins() > logins && asterisk.hasLoggedInClient());

        // Asterisk goes away: not ready, and click-to-dial says so in the agent's language
        asterisk.stopListening();
        await().atMost(PATIENCE).until(() -> TestEnvironment.readiness().contains("\"state\":\"DISCONNECTED\""));
        HttpResponse<String> refused = dial("{\"number\":\"13800000004\"}");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).contains("电话系统暂时不可用");

        // ... and comes back: the application logs in again by itself and events are recorded again
        asterisk.listen();
        await().atMost(PATIENCE).until(() -> TestEnvironment.readiness().contains("\"state\":\"CONNECTED\""));
        ScriptedManager.ManagerCall call = asterisk.newCall("02000000000");
        call.hangsUp(19, "No Answer");
        await().atMost(PATIENCE).until(() -> "NO_ANSWER".equals(callRecord(call.uniqueId).get("hangup_cause")));
    }

    private HttpResponse<String> dial(String json) throws Exception {
        return http.send(TestEnvironment.as("agent01", "agent123", TestEnvironment.app("api/calls/outbound"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String outboundCall(String id) throws Exception {
        return http.send(TestEnvironment.as("agent01", "agent123", TestEnvironment.app("api/calls/outbound/" + id)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body().replace(" ", "");
    }

    private static String field(String json, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^,\"}]*)").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }

    private static Map<String, String> callRecord(String uid) throws Exception {
        return TestEnvironment.row("SELECT * FROM call_record WHERE call_uid = ?", uid);
    }

    /** The call's IVR steps as "NODE=input", in order. */
    private static List<String> steps(String callId) throws Exception {
        List<String> steps = new ArrayList<>();
        try (Connection c = TestEnvironment.database();
             PreparedStatement ps = c.prepareStatement("SELECT node_code, input FROM call_ivr_step WHERE call_id = ? ORDER BY seq")) {
            ps.setLong(1, Long.parseLong(callId));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    steps.add(rs.getString(1) + "=" + (rs.getString(2) == null ? "" : rs.getString(2)));
                }
            }
        }
        return steps;
    }
}
