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

/**
 * The ACD end to end: agents sign in and go ready over the API, a caller from the scripted Asterisk asks
 * for an agent in the IVR, routing rings the best ready agent's extension (Dial over FastAGI), the pick-up
 * arrives over AMI (DialEnd), the agent wraps up; a missed ring puts the agent on not ready and rings the
 * next; a caller hanging up on hold leaves the line. State log and call record are checked in the database.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AcdIT {

    private static final String PASSWORD = "agent123";
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> signedIn = new ArrayList<>();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.realEar();
    }

    @BeforeEach
    void theTelephoneSystemIsConnected() {
        ScriptedManager manager = ScriptedManager.shared();
        await().atMost(Duration.ofSeconds(60)).until(manager::hasLoggedInClient);
    }

    @AfterEach
    void agentsSignOut() throws Exception {
        for (String agent : signedIn) {
            http.send(TestEnvironment.as(agent, PASSWORD, TestEnvironment.app("api/agents/me")).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void theBestReadyAgentGetsTheCallerWithTheirRecordAndWrapsUpOnce() throws Exception {
        long agentId = agentWithBilling("agent05", 9);
        ready("agent05");

        ScriptedAsterisk.Call call = ScriptedAsterisk.dial("ivr", TestEnvironment.FIRST_MOBILE).pressing("0").agentsAnswerAfterMissing(0);
        CompletableFuture<List<String>> heard = CompletableFuture.supplyAsync(() -> talk(call));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get("agent05", "api/agents/me").body())
                .contains("\"state\":\"ON_CALL\""));
        HttpResponse<String> offered = get("agent05", "api/agents/me/call");
        assertThat(offered.statusCode()).isEqualTo(200);
        assertThat(offered.body()).contains("\"callerNumber\":\"" + TestEnvironment.FIRST_MOBILE + "\"", "\"customerId\":1",
                "\"skill\":\"BILLING\"", "\"MAIN\"", "\"AGENT\"");
        assertThat(get("supervisor", "super123", "api/acd/wallboard").body()).contains("\"username\":\"agent05\"", "\"state\":\"ON_CALL\"");

        call.endConversation();
        List<String> commands = heard.get(30, TimeUnit.SECONDS);
        assertThat(commands).containsSubsequence("STREAM FILE utilitydesk/transfer-to-agent", "EXEC StartMusicOnHold",
                "EXEC StopMusicOnHold", "EXEC Dial PJSIP/8005,20", "GET VARIABLE DIALSTATUS", "EXEC Hangup 16");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get("agent05", "api/agents/me").body())
                .contains("\"state\":\"WRAP_UP\""));
        long callId = Long.parseLong(TestEnvironment.row("SELECT id FROM call_record WHERE call_uid = ?", call.uniqueId).get("id"));

        HttpResponse<String> noNote = post("agent05", "api/agents/me/wrap-up",
                "{\"callId\":" + callId + ",\"disposition\":\"OTHER\"}", "zh-CN");
        assertThat(noNote.statusCode()).isEqualTo(409);
        assertThat(noNote.body()).contains("该处理结果需要填写备注");
        String wrapUp = "{\"callId\":" + callId + ",\"disposition\":\"RESOLVED\",\"notes\":\"电费已解释\"}";
        assertThat(post("agent05", "api/agents/me/wrap-up", wrapUp, "zh-CN").body()).contains("\"state\":\"READY\"");
        assertThat(post("agent05", "api/agents/me/wrap-up", wrapUp, "zh-CN").statusCode()).as("a double click").isEqualTo(200);

        assertThat(TestEnvironment.row("SELECT agent_id, outcome, disposition_code, notes, agent_answered_at IS NOT NULL AS answered,"
                + " queued_at IS NOT NULL AS queued, ivr_path FROM call_record WHERE id = ?", callId))
                .containsEntry("agent_id", String.valueOf(agentId)).containsEntry("outcome", "ANSWERED")
                .containsEntry("disposition_code", "RESOLVED").containsEntry("notes", "电费已解释")
                .containsEntry("answered", "1").containsEntry("queued", "1");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(states(agentId))
                .containsSubsequence("NOT_READY:LOGIN", "READY", "RESERVED", "ON_CALL", "WRAP_UP", "READY"));
    }

    @Test
    void anAgentWhoDoesNotPickUpGoesNotReadyAndTheCallerRingsTheNextAgent() throws Exception {
        long first = agentWithBilling("agent06", 10);
        long second = agentWithBilling("agent07", 8);
        ready("agent06");
        ready("agent07");

        ScriptedAsterisk.Call call = ScriptedAsterisk.dial("ivr", "13900000000").pressing("0").agentsAnswerAfterMissing(1);
        CompletableFuture<List<String>> heard = CompletableFuture.supplyAsync(() -> talk(call));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get("agent07", "api/agents/me").body())
                .contains("\"state\":\"ON_CALL\""));
        assertThat(get("agent06", "api/agents/me").body()).contains("\"state\":\"NOT_READY\"", "\"reason\":\"RONA\"");
        // the caller is not recognised by number; the agent finds out who it is
        assertThat(get("agent07", "api/agents/me/call").body()).doesNotContain("\"customerId\"");
        long callId = Long.parseLong(TestEnvironment.row("SELECT id FROM call_record WHERE call_uid = ?", call.uniqueId).get("id"));
        HttpResponse<String> linked = http.send(TestEnvironment.as("agent07", PASSWORD, TestEnvironment.app("api/agents/me/call/customer"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"callId\":" + callId + ",\"customerId\":2}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(linked.body()).contains("\"customerId\":2");
        HttpResponse<String> notTheirs = http.send(TestEnvironment.as("agent06", PASSWORD, TestEnvironment.app("api/agents/me/call/customer"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"callId\":" + callId + ",\"customerId\":3}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(notTheirs.statusCode()).isEqualTo(409);
        call.endConversation();
        heard.get(30, TimeUnit.SECONDS);

        assertThat(call.dialled()).containsExactly("PJSIP/8006", "PJSIP/8007");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(TestEnvironment.row(
                "SELECT agent_id, customer_id, ivr_path FROM call_record WHERE call_uid = ?", call.uniqueId))
                .containsEntry("agent_id", String.valueOf(second)).containsEntry("customer_id", "2")
                .hasEntrySatisfying("ivr_path", path -> assertThat(path).isNotNull()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(states(first))
                .containsSubsequence("READY", "RESERVED", "NOT_READY:RONA"));
    }

    @Test
    void aCallerWhoHangsUpOnHoldLeavesTheLineAndCountsAsAbandoned() throws Exception {
        agentWithBilling("agent08", 9);
        assertThat(post("agent08", "api/agents/me/login", "", "en").statusCode()).isEqualTo(200); // signed in, not ready

        String uid;
        try (ScriptedAsterisk.Call call = ScriptedAsterisk.dial("ivr", "13700000000").pressing("0")) {
            uid = call.uniqueId;
            call.hangUpAt(command -> command.startsWith("CHANNEL STATUS"));
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(TestEnvironment.row("SELECT outcome, agent_id FROM call_record WHERE call_uid = ?", uid))
                    .containsEntry("outcome", "ABANDONED").containsEntry("agent_id", null);
            assertThat(get("supervisor", "super123", "api/acd/wallboard").body()).contains("\"skill\":\"BILLING\"")
                    .doesNotContain("\"waiting\":1");
        });
        // the agent going ready now finds nobody waiting
        assertThat(put("agent08", "{\"state\":\"READY\"}").body()).contains("\"state\":\"READY\"");
    }

    @Test
    void aCallerWhoWaitsTooLongIsCalledBackWhenAnAgentFreesUpKeepingTheirPlace() throws Exception {
        long agentId = agentWithBilling("agent11", 9);
        assertThat(post("agent11", "api/agents/me/login", "", "en").statusCode()).isEqualTo(200); // staffed, not ready
        String uid;
        List<String> heard;
        try (Connection c = TestEnvironment.database(); PreparedStatement ps = c.prepareStatement(
                "UPDATE call_queue SET max_wait_seconds = ? WHERE code = 'Q-BILLING'")) {
            ps.setInt(1, 2);
            ps.executeUpdate();
            try (ScriptedAsterisk.Call call = ScriptedAsterisk.dial("ivr", "13600000000").pressing("0", "1")) {
                uid = call.uniqueId;
                heard = call.toTheEnd();
            } finally {
                ps.setInt(1, 180);
                ps.executeUpdate();
            }
        }
        assertThat(heard).containsSubsequence("EXEC StartMusicOnHold", "GET OPTION utilitydesk/long-wait 0123456789*# 5000",
                "STREAM FILE utilitydesk/callback-confirmed", "STREAM FILE utilitydesk/goodbye", "EXEC Hangup 16");
        long callId = Long.parseLong(TestEnvironment.row("SELECT id FROM call_record WHERE call_uid = ?", uid).get("id"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(TestEnvironment.row(
                "SELECT outcome FROM call_record WHERE id = ?", callId)).containsEntry("outcome", "CALLBACK"));
        assertThat(TestEnvironment.row("SELECT state, caller_number FROM callback_task WHERE call_id = ?", callId))
                .containsEntry("state", "WAITING").containsEntry("caller_number", "13600000000");
        assertThat(get("supervisor", "super123", "api/acd/wallboard").body()).contains("\"callbacks\":1");

        ScriptedManager manager = ScriptedManager.shared();
        manager.nextOriginate(ScriptedManager.Outcome.ANSWERED);
        int before = manager.actions("Originate").size();
        assertThat(put("agent11", "{\"state\":\"READY\"}").statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(TestEnvironment.row(
                "SELECT state, agent_id, attempts FROM callback_task WHERE call_id = ?", callId))
                .containsEntry("state", "DONE").containsEntry("agent_id", String.valueOf(agentId)).containsEntry("attempts", "1"));
        java.util.Map<String, String> originate = manager.actions("Originate").get(before);
        assertThat(originate.get("channel")).contains("13600000000");
        assertThat(originate.get("variable")).contains("UD_PURPOSE=CALLBACK", "UD_AGENT_EXTENSION=8011");
        assertThat(TestEnvironment.row("SELECT agent_id, agent_answered_at IS NOT NULL AS answered FROM call_record WHERE id = ?", callId))
                .containsEntry("agent_id", String.valueOf(agentId)).containsEntry("answered", "1");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(states(agentId))
                .containsSubsequence("READY", "RESERVED", "ON_CALL", "WRAP_UP"));
        assertThat(post("agent11", "api/agents/me/wrap-up", "{\"callId\":" + callId + ",\"disposition\":\"RESOLVED\"}", "en")
                .body()).contains("\"state\":\"READY\"");
    }

    @Test
    void theAgentPutsTheCallerOnHoldTakesThemBackAndTransfersThemToAColleague() throws Exception {
        long first = agentWithBilling("agent12", 10);
        long second = agentWithBilling("agent13", 2); // too little billing to be offered the caller first
        ready("agent12");
        assertThat(post("agent13", "api/agents/me/login", "", "en").statusCode()).isEqualTo(200); // signed in, on a break
        ScriptedManager manager = ScriptedManager.shared();

        ScriptedAsterisk.Call call = ScriptedAsterisk.dial("ivr", TestEnvironment.FIRST_MOBILE).pressing("0").agentsAnswerAfterMissing(0);
        CompletableFuture<List<String>> heard = CompletableFuture.supplyAsync(() -> talk(call));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get("agent12", "api/agents/me").body())
                .contains("\"state\":\"ON_CALL\""));
        String leg = call.agentLeg();
        assertThat(leg).startsWith("PJSIP/8012-");

        int redirects = manager.actions("Redirect").size();
        assertThat(send("agent12", "PUT", "api/agents/me/call/hold", "").statusCode()).isEqualTo(200);
        assertThat(send("agent12", "PUT", "api/agents/me/call/hold", "").statusCode()).as("a double click").isEqualTo(200);
        assertThat(manager.actions("Redirect")).hasSize(redirects + 1);
        assertThat(manager.actions("Redirect").get(redirects)).containsEntry("channel", leg)
                .containsEntry("context", "utilitydesk-agent-hold").containsEntry("exten", "s");
        assertThat(get("agent12", "api/agents/me/call").body()).contains("\"onHold\":true");
        assertThat(get("agent12", "api/agents/me").body()).as("still on the call").contains("\"state\":\"ON_CALL\"");

        assertThat(send("agent12", "DELETE", "api/agents/me/call/hold", "").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> call.bridged().contains(leg));
        assertThat(get("agent12", "api/agents/me/call").body()).contains("\"onHold\":false");

        assertThat(get("agent12", "api/agents/me/transfer-targets").body()).contains("{\"code\":\"agent13\",\"kind\":\"AGENT\"",
                "{\"code\":\"BILLING\",\"kind\":\"QUEUE\"", "{\"code\":\"FAULT_REPAIR\",\"kind\":\"EXPERT\"")
                .doesNotContain("\"code\":\"agent12\"");
        HttpResponse<String> nowhere = send("agent12", "POST", "api/agents/me/call/transfer", "{\"kind\":\"AGENT\",\"target\":\"agent99\"}");
        assertThat(nowhere.statusCode()).isEqualTo(409);
        assertThat(nowhere.body()).contains("请选择要转接的");
        int hangups = manager.actions("Hangup").size();
        assertThat(send("agent12", "POST", "api/agents/me/call/transfer", "{\"kind\":\"AGENT\",\"target\":\"agent13\"}")
                .statusCode()).isEqualTo(200);
        assertThat(manager.actions("Hangup").get(hangups)).containsEntry("channel", leg);
        // agent13 is not ready yet: the caller waits for them, ahead of new callers, and the wallboard shows it
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(get("agent12", "api/agents/me").body()).as("free at once, no wrap-up").contains("\"state\":\"READY\"");
            assertThat(get("supervisor", "super123", "api/acd/wallboard").body()).contains("\"skill\":\"AGENT\"", "\"waiting\":1");
        });
        assertThat(put("agent13", "{\"state\":\"READY\"}").statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(get("agent13", "api/agents/me").body()).contains("\"state\":\"ON_CALL\"");
            assertThat(get("agent12", "api/agents/me").body()).as("free at once, no wrap-up").contains("\"state\":\"READY\"");
        });
        assertThat(get("agent13", "api/agents/me/call").body()).contains("\"callerNumber\":\"" + TestEnvironment.FIRST_MOBILE + "\"",
                "\"customerId\":1");
        call.endConversation();
        List<String> commands = heard.get(30, TimeUnit.SECONDS);
        assertThat(commands).containsSubsequence("EXEC Dial PJSIP/8012,20", "EXEC StartMusicOnHold", "EXEC StopMusicOnHold",
                "EXEC Bridge " + leg, "EXEC StartMusicOnHold", "EXEC StopMusicOnHold", "EXEC Dial PJSIP/8013,20", "EXEC Hangup 16");

        long callId = Long.parseLong(TestEnvironment.row("SELECT id FROM call_record WHERE call_uid = ?", call.uniqueId).get("id"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(TestEnvironment.row(
                "SELECT agent_id, outcome, ivr_path FROM call_record WHERE id = ?", callId))
                .containsEntry("agent_id", String.valueOf(second)).containsEntry("outcome", "ANSWERED")
                .hasEntrySatisfying("ivr_path", path -> assertThat(path).contains("HOLD>RESUME>TRANSFER:AGENT:agent13>AGENT:A013")));
        assertThat(post("agent12", "api/agents/me/wrap-up", "{\"callId\":" + callId + ",\"disposition\":\"RESOLVED\"}", "en")
                .statusCode()).as("the call is the colleague's now").isEqualTo(409);
        assertThat(post("agent13", "api/agents/me/wrap-up", "{\"callId\":" + callId + ",\"disposition\":\"RESOLVED\"}", "en")
                .body()).contains("\"state\":\"READY\"");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(states(first))
                .containsSubsequence("READY", "RESERVED", "ON_CALL", "READY"));
    }

    @Test
    void aCallerTransferredToTheExpertsIsHungUpFromTheExpertsDesk() throws Exception {
        agentWithBilling("agent14", 10);
        TestEnvironment.proficiency("agent14", "FAULT_REPAIR", 1);
        agentWithBilling("agent15", 1);
        TestEnvironment.proficiency("agent15", "FAULT_REPAIR", 9);
        ready("agent14");
        ready("agent15");
        HttpResponse<String> nothingToHold = send("agent14", "PUT", "api/agents/me/call/hold", "");
        assertThat(nothingToHold.statusCode()).isEqualTo(409);
        assertThat(nothingToHold.body()).contains("没有正在通话");

        ScriptedAsterisk.Call call = ScriptedAsterisk.dial("ivr", "13500000000").pressing("0").agentsAnswerAfterMissing(0);
        CompletableFuture<List<String>> heard = CompletableFuture.supplyAsync(() -> talk(call));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get("agent14", "api/agents/me").body())
                .contains("\"state\":\"ON_CALL\""));
        assertThat(send("agent14", "POST", "api/agents/me/call/transfer", "{\"kind\":\"EXPERT\",\"target\":\"FAULT_REPAIR\"}")
                .statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get("agent15", "api/agents/me").body())
                .contains("\"state\":\"ON_CALL\""));
        String expertLeg = call.agentLeg();
        assertThat(expertLeg).startsWith("PJSIP/8015-");

        ScriptedManager manager = ScriptedManager.shared();
        int hangups = manager.actions("Hangup").size();
        assertThat(send("agent15", "DELETE", "api/agents/me/call", "").statusCode()).isEqualTo(200);
        assertThat(send("agent15", "DELETE", "api/agents/me/call", "").statusCode()).as("a double click").isIn(200, 409);
        List<String> commands = heard.get(30, TimeUnit.SECONDS);
        assertThat(manager.actions("Hangup").subList(hangups, manager.actions("Hangup").size()))
                .extracting(a -> a.get("channel")).containsExactly(expertLeg);
        assertThat(commands).containsSubsequence("EXEC Dial PJSIP/8014,20", "EXEC Dial PJSIP/8015,20", "EXEC Hangup 16");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(get("agent15", "api/agents/me").body()).contains("\"state\":\"WRAP_UP\"");
            assertThat(TestEnvironment.row("SELECT outcome, hangup_cause, ivr_path FROM call_record WHERE call_uid = ?", call.uniqueId))
                    .containsEntry("outcome", "ANSWERED").containsEntry("hangup_cause", "AGENT_HANGUP")
                    .hasEntrySatisfying("ivr_path", path -> assertThat(path).contains("TRANSFER:EXPERT:FAULT_REPAIR>AGENT:A015>AGENT_HANGUP"));
        });
    }

    @Test
    void anAgentWhosePhoneIsOfflineCannotGoReadyAndIsTakenOutOfRoutingWhenItDrops() throws Exception {
        agentWithBilling("agent16", 5);
        ScriptedManager manager = ScriptedManager.shared();
        try {
            manager.phone("8016", false);
            assertThat(post("agent16", "api/agents/me/login", "", "en").statusCode()).isEqualTo(200);
            HttpResponse<String> offline = put("agent16", "{\"state\":\"READY\"}");
            assertThat(offline.statusCode()).isEqualTo(409);
            assertThat(offline.body()).contains("话机未注册");

            manager.phone("8016", true);
            assertThat(put("agent16", "{\"state\":\"READY\"}").body()).contains("\"state\":\"READY\"");
            manager.phone("8016", false);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get("agent16", "api/agents/me").body())
                    .contains("\"state\":\"NOT_READY\"", "\"reason\":\"PHONE_OFFLINE\""));
        } finally {
            manager.forgetPhone("8016");
        }
    }

    @Test
    void refusalsAreToldInTheAgentsLanguage() throws Exception {
        HttpResponse<String> notSignedIn = put("agent09", "{\"state\":\"READY\"}");
        assertThat(notSignedIn.statusCode()).isEqualTo(409);
        assertThat(notSignedIn.body()).contains("尚未签入");
        signedIn.add("agent09");
        assertThat(post("agent09", "api/agents/me/login", "", "en").statusCode()).isEqualTo(200);
        HttpResponse<String> badReason = http.send(TestEnvironment.as("agent09", PASSWORD, TestEnvironment.app("api/agents/me/state"))
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"state\":\"NOT_READY\",\"reason\":\"NAP\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(badReason.statusCode()).isEqualTo(409);
        assertThat(badReason.body()).contains("Choose a reason");
        HttpResponse<String> badState = http.send(TestEnvironment.as("agent09", PASSWORD, TestEnvironment.app("api/agents/me/state"))
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"state\":\"ASLEEP\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(badState.statusCode()).isEqualTo(400);
        assertThat(badState.body()).contains("READY or NOT_READY");
        assertThat(get("agent09", "api/acd/wallboard").statusCode()).as("agents do not see the wallboard").isEqualTo(403);
    }

    // ---------------------------------------------------------------- helpers

    private static List<String> talk(ScriptedAsterisk.Call call) {
        try (call) {
            return call.toTheEnd();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Gives the agent a known billing proficiency (read when they sign in) and returns their agent id. */
    private long agentWithBilling(String username, int proficiency) throws Exception {
        TestEnvironment.proficiency(username, "BILLING", proficiency);
        signedIn.add(username);
        return Long.parseLong(TestEnvironment.row("SELECT a.id FROM agent a JOIN app_user u ON u.id = a.user_id WHERE u.username = ?",
                username).get("id"));
    }

    private void ready(String agent) throws Exception {
        assertThat(post(agent, "api/agents/me/login", "", "en").body()).contains("\"state\":\"NOT_READY\"", "\"reason\":\"LOGIN\"");
        assertThat(put(agent, "{\"state\":\"READY\"}").body()).contains("\"state\":\"READY\"");
    }

    /** The agent's state log, oldest first, as STATE or STATE:REASON. */
    private static List<String> states(long agentId) throws Exception {
        List<String> states = new ArrayList<>();
        try (Connection c = TestEnvironment.database(); PreparedStatement ps = c.prepareStatement(
                "SELECT state, reason FROM agent_state_log WHERE agent_id = ? ORDER BY id")) {
            ps.setLong(1, agentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    states.add(rs.getString(1) + (rs.getString(2) == null ? "" : ":" + rs.getString(2)));
                }
            }
        }
        return states;
    }

    private HttpResponse<String> get(String agent, String path) throws Exception {
        return get(agent, PASSWORD, path);
    }

    private HttpResponse<String> get(String user, String password, String path) throws Exception {
        return http.send(TestEnvironment.as(user, password, TestEnvironment.app(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String agent, String path, String json, String language) throws Exception {
        return http.send(TestEnvironment.as(agent, PASSWORD, TestEnvironment.app(path)).header("Content-Type", "application/json")
                .header("Accept-Language", language).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String agent, String method, String path, String json) throws Exception {
        return http.send(TestEnvironment.as(agent, PASSWORD, TestEnvironment.app(path)).header("Content-Type", "application/json")
                .header("Accept-Language", "zh-CN").method(method, json.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String agent, String json) throws Exception {
        return http.send(TestEnvironment.as(agent, PASSWORD, TestEnvironment.app("api/agents/me/state"))
                .header("Content-Type", "application/json").header("Accept-Language", "zh-CN")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
