package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.utilitydesk.it.pbx.SippPhone;

/**
 * Calls the application places, through a real Asterisk and the sample trunk: click-to-dial rings the customer
 * (SIPp behind the trunk) and, once they answer, the agent's phone, and records the call; a payment reminder is
 * read to the customer who answers; a number that is busy, does not exist, is out of reach, is behind a congested
 * network or rings out comes back in words (BUSY, NO_SUCH_NUMBER, NO_ANSWER, UNREACHABLE), not as a bare code.
 */
class OutboundPbxIT extends CustomersPbxTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void clickToDialRingsTheCustomerThroughTheTrunkThenPutsThemThroughToTheAgentsPhone() throws Exception {
        String id;
        try (SippPhone phone = SippPhone.register("8001", Duration.ofMillis(500))) {
            agent.ready();
            Connected call = connect("13900000001");
            id = call.id();
            Map<String, String> agentLeg = call.agentLeg();
            assertThat(asterisk.since(call.from(), m -> "Newchannel".equals(m.get("Event"))))
                    .as("the customer was rung through the trunk").anyMatch(m -> m.get("Channel").startsWith("PJSIP/trunk-"));
            // the customer and the agent talk: neither the record nor the outbound call has ended (Asterisk must not
            // optimise away the Local channel the application follows, which would hang it up once both are bridged)
            Thread.sleep(1_500);
            assertThat(TestEnvironment.row("SELECT * FROM call_record WHERE call_uid = ?", "udout-" + id))
                    .containsEntry("ended_at", null);
            assertThat(outboundCall(id)).doesNotContain("\"endedAt\"");

            asterisk.action(Map.of("Action", "Hangup", "Channel", agentLeg.get("Channel"), "Cause", "16"));
            await().atMost(CALL).untilAsserted(() -> assertThat(outboundCall(id)).contains("\"endedAt\""));
        }
        // no IVR runs on a click-to-dial call: its record is the manager interface's alone
        await().atMost(CALL).untilAsserted(() -> assertThat(TestEnvironment.row("SELECT * FROM call_record WHERE call_uid = ?", "udout-" + id))
                .containsEntry("direction", "OUTBOUND").containsEntry("called_number", "13900000001")
                .containsEntry("caller_number", "95598").containsEntry("hangup_cause", "NORMAL"));
    }

    @Test
    void everyWayANumberCannotBeConnectedIsToldApartInWords() throws Exception {
        try (SippPhone phone = SippPhone.register("8001", Duration.ofMillis(500))) {
            agent.ready();
            // state and reason, each as the API gives it
            Map<String, List<String>> expected = Map.of(
                    dial("13900000486"), List.of("\"state\":\"BUSY\"", "\"reason\":\"BUSY\""),
                    dial("13900000404"), List.of("\"state\":\"FAILED\"", "\"reason\":\"NO_SUCH_NUMBER\""),
                    // the carrier answers 480 for a phone switched off or out of reach: Asterisk's cause 19
                    dial("13900000480"), List.of("\"state\":\"NO_ANSWER\"", "\"reason\":\"NO_ANSWER\""),
                    dial("13900000503"), List.of("\"state\":\"FAILED\"", "\"reason\":\"UNREACHABLE\""),
                    // rings until the application gives up (8 s in the tests), which cancels the INVITE
                    dial("13900000180"), List.of("\"state\":\"NO_ANSWER\"", "\"reason\":\"NO_ANSWER\""));
            await().atMost(CALL).untilAsserted(() -> expected.forEach((id, outcome) -> {
                try {
                    assertThat(outboundCall(id)).contains(outcome);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }));
        }
    }

    @Test
    void aPaymentReminderCallReadsTheAmountDueToTheCustomerWhoAnswersThenHangsUp() throws Exception {
        // a customer the customers' phones answer, with one bill 42 days past due on 2019-03-15 (the call window)
        Map<String, String> customer = TestEnvironment.row("SELECT a.id AS account, c.mobile_phone FROM account a"
                + " JOIN customer c ON c.id = a.customer_id WHERE NOT c.do_not_disturb AND c.id >= ? AND c.mobile_phone"
                + " NOT REGEXP '(180|404|480|486|503)$' AND NOT EXISTS (SELECT 1 FROM bill b WHERE b.account_id = a.id"
                + " AND b.period = '2018-11') ORDER BY c.id, a.id LIMIT 1", 100);
        try (Connection c = TestEnvironment.database(); Statement st = c.createStatement()) {
            // a period no other test bills (BatchJobIT's reminders bill 2019-01 to 2019-08 of every account)
            st.executeUpdate("INSERT INTO bill (bill_no, account_id, period, issue_date, due_date, usage_units, amount_total,"
                    + " amount_paid, status) VALUES ('BP201811" + customer.get("account") + "', " + customer.get("account")
                    + ", '2018-11', '2018-12-12', '2019-02-01', 140, 77.30, 0, 'OVERDUE')");
        }
        int from = asterisk.mark();
        String run = runToEnd("payment-reminders", "{\"at\":\"2019-03-15T11:00\"}");
        assertThat(run).contains("\"batchStatus\":\"COMPLETED\"");
        Map<String, String> call = TestEnvironment.row("SELECT o.* FROM payment_reminder r JOIN outbound_call o"
                + " ON o.request_key = r.delivery_key WHERE r.window_key = ?", "P3-20190315");
        assertThat(call).containsEntry("purpose", "REMINDER").containsEntry("number", customer.get("mobile_phone"));
        String channelId = "udout-" + call.get("id");

        // the customer answers; the outbound script reads the bill and, with no key pressed, says goodbye and hangs up
        asterisk.await(from, m -> "Hangup".equals(m.get("Event")) && channelId.equals(m.get("Uniqueid")), CALL,
                "the end of the reminder call");
        List<String> heard = asterisk.since(from, m -> "AGIExecEnd".equals(m.get("Event")) && channelId.equals(m.get("Uniqueid")))
                .stream().map(m -> m.getOrDefault("Command", "").replace("\"", "") + " -> " + m.get("Result")).toList();
        assertThat(heard).as("every prompt was found and played on the real Asterisk")
                .anyMatch(r -> r.startsWith("STREAM FILE utilitydesk/reminder-intro") && r.endsWith("-> Success"))
                .anyMatch(r -> r.startsWith("EXEC Playback utilitydesk/amount-due&utilitydesk/") && r.endsWith("-> Success"))
                .anyMatch(r -> r.startsWith("GET OPTION utilitydesk/reminder-repeat") && r.endsWith("-> Success"))
                .anyMatch(r -> r.startsWith("STREAM FILE utilitydesk/goodbye") && r.endsWith("-> Success"))
                .noneMatch(r -> r.endsWith("-> Failure"));
        await().atMost(CALL).untilAsserted(() -> assertThat(TestEnvironment.row("SELECT * FROM outbound_call WHERE id = ?",
                Long.valueOf(call.get("id")))).containsEntry("state", "ANSWERED").doesNotContainEntry("ended_at", null));
        await().atMost(CALL).untilAsserted(() -> assertThat(TestEnvironment.row("SELECT * FROM call_record WHERE call_uid = ?", channelId))
                .containsEntry("direction", "OUTBOUND").containsEntry("called_number", customer.get("mobile_phone"))
                .containsEntry("caller_number", "95598").containsEntry("hangup_cause", "NORMAL"));
    }

    private static String runToEnd(String job, String parameters) throws Exception {
        HttpResponse<String> started = HTTP.send(TestEnvironment.as("supervisor", "super123", TestEnvironment.app("api/jobs/" + job))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(parameters)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        Matcher id = Pattern.compile("\"executionId\":(\\d+)").matcher(started.body());
        assertThat(id.find()).isTrue();
        HttpRequest execution = TestEnvironment.as("supervisor", "super123", TestEnvironment.app("api/jobs/executions/" + id.group(1)))
                .GET().build();
        Pattern ended = Pattern.compile("^\\{\"batchStatus\":\"(COMPLETED|FAILED|STOPPED|ABANDONED)\"");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> ended.matcher(HTTP.send(execution, HttpResponse.BodyHandlers.ofString()).body()).find());
        return HTTP.send(execution, HttpResponse.BodyHandlers.ofString()).body();
    }
}
