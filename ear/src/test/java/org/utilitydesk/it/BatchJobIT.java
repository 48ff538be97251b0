package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.utilitydesk.it.TestEnvironment.app;
import static org.utilitydesk.it.TestEnvironment.as;

import java.net.URI;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The batch jobs started by a supervisor through the API and watched to the end, with their step counts and
 * the rows they changed checked: overdue bills, payment reminders (including a stop and restart mid-run and a
 * reminder call a customer answers), and the nightly statistics (including a re-run that must replace a day).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BatchJobIT {

    private static final Pattern EXECUTION = Pattern.compile("\"executionId\":(\\d+)");
    private final HttpClient http = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.realEar();
    }

    @Test
    void unpaidBillsPastTheirDueDateBecomeOverdueOnceAndOnlyOnce() throws Exception {
        List<Long> bills = reopenPaidBills(37);

        String first = runToEnd("{\"asOf\":\"2026-11-23\"}");
        assertThat(first).contains("\"batchStatus\":\"COMPLETED\"").contains("\"readCount\":37").contains("\"writeCount\":37")
                .contains("\"skipCount\":0");
        assertThat(statuses(bills)).containsOnly("OVERDUE");

        String second = runToEnd("{\"asOf\":\"2026-11-23\"}");
        assertThat(second).as("a second run finds nothing left to do")
                .contains("\"batchStatus\":\"COMPLETED\"").contains("\"readCount\":0").contains("\"writeCount\":0");
    }

    @Test
    void badParametersAndUnknownJobsAreRefusedBeforeAnythingRuns() throws Exception {
        assertThat(start("overdue-bills", "{\"asOf\":\"next tuesday\"}").statusCode()).isEqualTo(400);
        assertThat(start("overdue-bills", "{\"dryRun\":\"true\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = start("delete-everything", "{}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("没有名为 delete-everything 的批处理作业");
    }

    @Test
    void remindersStoppedMidRunAndRestartedRemindEachOverdueBillOnceAndNeverTwice() throws Exception {
        long paidMeanwhile;
        long badPhoneCustomer;
        String badPhoneWas;
        long expected;
        long rejected;
        long candidates;
        try (Connection c = TestEnvironment.database(); Statement st = c.createStatement()) {
            // eight bills of every account, all five days past due on 2019-03-15: inside the first policy's window
            for (int m = 1; m <= 8; m++) {
                st.executeUpdate("INSERT INTO bill (bill_no, account_id, period, issue_date, due_date, usage_units, amount_total,"
                        + " amount_paid, status) SELECT CONCAT('BR20190" + m + "', a.id), a.id, '2019-0" + m + "', '2019-02-18',"
                        + " '2019-03-10', 100, 61.80, 0, 'OVERDUE' FROM account a");
            }
            paidMeanwhile = single(st, "SELECT MIN(id) FROM bill WHERE bill_no LIKE 'BR2019%'");
            st.executeUpdate("UPDATE bill SET status = 'PAID', amount_paid = amount_total WHERE id = " + paidMeanwhile);
            badPhoneCustomer = single(st, "SELECT MAX(c.id) FROM customer c JOIN account a ON a.customer_id = c.id"
                    + " WHERE NOT c.do_not_disturb AND c.id < 900");
            try (ResultSet rs = st.executeQuery("SELECT mobile_phone FROM customer WHERE id = " + badPhoneCustomer)) {
                rs.next();
                badPhoneWas = rs.getString(1);
            }
            st.executeUpdate("UPDATE customer SET mobile_phone = '138-bad-no' WHERE id = " + badPhoneCustomer);
            String due = " FROM bill b JOIN account a ON a.id = b.account_id JOIN customer c ON c.id = a.customer_id"
                    + " WHERE b.bill_no LIKE 'BR2019%' AND b.status = 'OVERDUE'";
            candidates = single(st, "SELECT COUNT(*)" + due);
            expected = single(st, "SELECT COUNT(*)" + due + " AND NOT c.do_not_disturb AND c.id <> " + badPhoneCustomer);
            rejected = single(st, "SELECT COUNT(*)" + due + " AND c.id = " + badPhoneCustomer);
        }
        try {
            long first = startedId(start("payment-reminders", "{\"at\":\"2019-03-15T10:00\"}"));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> reminders("P1-20190315") > 0);
            HttpResponse<String> stop = post("api/jobs/executions/" + first + "/stop");
            assertThat(stop.statusCode()).as("the run had already finished; too few bills to stop it mid-way").isEqualTo(202);
            assertThat(awaitEnd(first)).contains("\"batchStatus\":\"STOPPED\"");
            long afterStop = reminders("P1-20190315");
            assertThat(afterStop).as("stopped part-way").isBetween(1L, expected - 1);

            HttpResponse<String> restart = post("api/jobs/executions/" + first + "/restart");
            String second = awaitEnd(startedId(restart));
            assertThat(second).contains("\"batchStatus\":\"COMPLETED\"");
            assertThat(metric(second, "remind", "readCount")).as("the restart went on from the checkpoint")
                    .isLessThan(candidates);
            assertThat(reminders("P1-20190315")).isEqualTo(expected);
            try (Connection c = TestEnvironment.database(); Statement st = c.createStatement()) {
                assertThat(single(st, "SELECT COUNT(*) FROM notification_outbox WHERE dedup_key LIKE 'reminder-%-P1-20190315'"
                        + " AND channel = 'SMS'")).as("one SMS per reminder").isEqualTo(expected);
                assertThat(single(st, "SELECT COUNT(*) FROM payment_reminder WHERE bill_id = " + paidMeanwhile)).isZero();
                assertThat(single(st, "SELECT COUNT(*) FROM payment_reminder r JOIN customer c ON c.id = r.customer_id"
                        + " WHERE r.window_key = 'P1-20190315' AND c.do_not_disturb")).as("do not disturb").isZero();
                assertThat(single(st, "SELECT COUNT(*) FROM batch_rejected_item WHERE job_name = 'payment-reminders'"
                        + " AND reason LIKE 'customer " + badPhoneCustomer + " has no usable phone number%'"))
                        .as("each bill of the customer with a broken number rejected once, with why").isEqualTo(rejected);
            }

            String again = runToEnd("payment-reminders", "{\"at\":\"2019-03-15T10:00\"}");
            assertThat(again).contains("\"batchStatus\":\"COMPLETED\"");
            assertThat(metric(again, "remind", "writeCount")).as("a second run in the window reminds nobody").isZero();
            assertThat(reminders("P1-20190315")).isEqualTo(expected);
        } finally {
            try (Connection c = TestEnvironment.database();
                 PreparedStatement ps = c.prepareStatement("UPDATE customer SET mobile_phone = ? WHERE id = ?")) {
                ps.setString(1, badPhoneWas);
                ps.setLong(2, badPhoneCustomer);
                ps.executeUpdate();
            }
        }
    }

    @Test
    void aReminderCallIsPlacedOnceAndReadsTheAmountDueToTheCustomerWhoAnswers() throws Exception {
        ScriptedManager ami = ScriptedManager.shared();
        await().atMost(Duration.ofSeconds(60)).until(ami::hasLoggedInClient);
        List<Long> accounts = new ArrayList<>();
        try (Connection c = TestEnvironment.database(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT a.id FROM account a JOIN customer c ON c.id = a.customer_id"
                    + " WHERE NOT c.do_not_disturb AND c.id BETWEEN 40 AND 99 ORDER BY a.id LIMIT 2")) {
                while (rs.next()) {
                    accounts.add(rs.getLong(1));
                }
            }
            for (Long account : accounts) {
                // 42 days past due on 2018-03-15: the call policy (10:00-18:00, call first)
                st.executeUpdate("INSERT INTO bill (bill_no, account_id, period, issue_date, due_date, usage_units, amount_total,"
                        + " amount_paid, status) VALUES ('BC201801" + account + "', " + account + ", '2018-01', '2018-01-12',"
                        + " '2018-02-01', 140, 77.30, 0, 'OVERDUE')");
            }
        }
        int originatesBefore = ami.actions("Originate").size();

        String run = runToEnd("payment-reminders", "{\"at\":\"2018-03-15T11:00\"}");
        assertThat(run).contains("\"batchStatus\":\"COMPLETED\"");
        assertThat(metric(run, "remind", "writeCount")).isEqualTo(2);
        assertThat(metric(run, "place-calls", "writeCount")).isEqualTo(2);
        assertThat(ami.actions("Originate").size() - originatesBefore).isEqualTo(2);

        long outboundId;
        String number;
        try (Connection c = TestEnvironment.database(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT r.status, r.outcome, o.id, o.purpose, o.number, o.state FROM payment_reminder r"
                     + " JOIN outbound_call o ON o.request_key = r.delivery_key WHERE r.window_key = 'P3-20180315' ORDER BY r.id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("SENT");
            assertThat(rs.getString(2)).isEqualTo("OUTBOUND_CALL " + rs.getLong(3));
            assertThat(rs.getString(4)).isEqualTo("REMINDER");
            assertThat(rs.getString(6)).isNotEqualTo("FAILED");
            outboundId = rs.getLong(3);
            number = rs.getString(5);
            assertThat(rs.next()).isTrue();
            assertThat(rs.next()).isFalse();
        }

        // the customer answers; the dialplan runs the outbound script with the call's variables
        ScriptedAsterisk.Call answered = ScriptedAsterisk.dial("outbound", number).withVariable("UD_OUTBOUND_ID",
                String.valueOf(outboundId)).pressing("1", "");
        List<String> heard = answered.toTheEnd();
        assertThat(heard).contains("GET VARIABLE UD_OUTBOUND_ID", "STREAM FILE utilitydesk/reminder-intro",
                "STREAM FILE utilitydesk/reminder-how-to-pay", "STREAM FILE utilitydesk/goodbye");
        assertThat(heard.stream().filter(c -> c.startsWith("EXEC Playback utilitydesk/amount-due&utilitydesk/")).count())
                .as("the amount read out, then again after pressing 1").isEqualTo(2);
        assertThat(answered.heardText()).containsPattern("您的应缴金额为[零一二两三四五六七八九十百千万]+元");
        answered.close();

        String again = runToEnd("payment-reminders", "{\"at\":\"2018-03-15T11:00\"}");
        assertThat(metric(again, "place-calls", "writeCount")).isZero();
        assertThat(ami.actions("Originate").size() - originatesBefore).as("no second call").isEqualTo(2);
    }

    @Test
    void nightlyStatisticsCountADayAndARerunReplacesItsFiguresExactly() throws Exception {
        long agentId;
        String agent;
        long queueId;
        String queue;
        String skill;
        try (Connection c = TestEnvironment.database(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT a.id, u.username FROM agent a JOIN app_user u ON u.id = a.user_id ORDER BY a.id LIMIT 1")) {
                rs.next();
                agentId = rs.getLong(1);
                agent = rs.getString(2);
            }
            try (ResultSet rs = st.executeQuery("SELECT q.id, q.code, s.code FROM call_queue q JOIN skill s ON s.id = q.skill_id"
                    + " WHERE q.service_level_seconds = 20 ORDER BY q.id LIMIT 1")) {
                rs.next();
                queueId = rs.getLong(1);
                queue = rs.getString(2);
                skill = rs.getString(3);
            }
            // local times on 2026-10-05 (UTC+8): queued, agent answered, ended, wrapped up
            call(st, "st-1", "13911110001", queueId, agentId, "09:00:00", "09:00:10", "09:00:20", "09:05:20", "09:06:20", "ANSWERED");
            call(st, "st-2", "13911110002", queueId, agentId, "09:30:00", "09:30:05", "09:30:50", "09:40:50", null, "ANSWERED");
            call(st, "st-3", "13911110003", queueId, null, "09:45:00", "09:45:05", null, "09:46:05", null, "ABANDONED");
            call(st, "st-4", "13911110002", queueId, agentId, "15:00:00", "15:00:05", "15:00:15", "15:02:15", "15:02:45", "ANSWERED");
            call(st, "st-5", "13911110004", queueId, null, "00:30:00", "00:30:02", null, "00:31:00", null, "VOICEMAIL");
            st.executeUpdate("INSERT INTO call_record (call_uid, direction, caller_number, queue_id, started_at, queued_at, ended_at,"
                    + " outcome) VALUES ('st-next-day', 'INBOUND', '13911110005', " + queueId + ", '2026-10-05 16:30:00',"
                    + " '2026-10-05 16:30:05', '2026-10-05 16:31:00', 'ABANDONED')");
            long orderId = reserveWorkOrderIds(st, 2);
            st.executeUpdate("INSERT INTO work_order (id, order_no, order_type, priority, state, channel, subject, created_at, created_by,"
                    + " sla_due_at, resolved_at, closed_at) VALUES (" + orderId + ", 'WO-ST-1', 'COMPLAINT', 'NORMAL', 'CLOSED', 'DESK', '统计测试投诉',"
                    + " '2026-10-05 02:00:00', 'it', '2026-10-05 04:00:00', '2026-10-05 03:00:00', '2026-10-05 10:00:00')");
            st.executeUpdate("INSERT INTO work_order (id, order_no, order_type, priority, state, channel, subject, created_at, created_by,"
                    + " sla_due_at) VALUES (" + (orderId + 1) + ", 'WO-ST-2', 'FAULT_REPAIR', 'HIGH', 'DISPATCHED', 'IVR', '统计测试故障',"
                    + " '2026-10-05 02:30:00', 'it', '2026-10-05 03:15:00')");
            st.executeUpdate("INSERT INTO survey (work_order_id, method, sample_reason, status, score, sampled_at, answered_at)"
                    + " SELECT id, 'IVR_CALL', 'RULE', 'ANSWERED', 4, '2026-10-05 10:30:00', '2026-10-05 11:00:00'"
                    + " FROM work_order WHERE order_no = 'WO-ST-1'");
        }

        String run = runToEnd("nightly-statistics", "{\"day\":\"2026-10-05\"}");
        assertThat(run).contains("\"batchStatus\":\"COMPLETED\"");
        // offered, answered, abandoned, within 20 s, wait, handle, first-contact resolved
        assertThat(figures("CENTER", "ALL", -1)).containsExactly(5L, 3L, 1L, 2L, 65L, 1110L, 2L, 2L, 1L, 1L, 1L, 4L);
        assertThat(figures("CENTER", "ALL", 9)).containsExactly(3L, 2L, 1L, 1L, 55L, 960L, 1L, 0L, 0L, 0L, 0L, 0L);
        assertThat(figures("CENTER", "ALL", 0)).containsExactly(1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
        assertThat(figures("QUEUE", queue, -1)).startsWith(5L, 3L, 1L, 2L);
        assertThat(figures("SKILL", skill, -1)).startsWith(5L, 3L, 1L, 2L);
        assertThat(figures("AGENT", agent, -1)).startsWith(3L, 3L, 0L, 2L, 65L, 1110L, 2L);
        // opened, closed, breached, CSAT responses, CSAT sum
        assertThat(figures("SERVICE_TYPE", "COMPLAINT", -1)).endsWith(1L, 1L, 0L, 1L, 4L);
        assertThat(figures("SERVICE_TYPE", "FAULT_REPAIR", -1)).endsWith(1L, 0L, 1L, 0L, 0L);
        assertThat(figures("SERVICE_TYPE", "FAULT_REPAIR", 11)).as("breached at 11:15").endsWith(0L, 0L, 1L, 0L, 0L);

        // the same figures as supervisors read and export them: rates, CSV with Chinese headings, XLSX, PDF, Erlang C
        String day = "api/reports/daily?from=2026-10-05&to=2026-10-05&by=CENTER&format=";
        HttpResponse<String> csv = http.send(as("supervisor", "super123", app(day + "csv")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains(".csv"));
        assertThat(csv.body()).startsWith("\uFEFF日期,对象,呼入,接通,放弃,服务水平")
                .contains("2026-10-05,ALL,5,3,1,40.0,21.7,370.0,66.7,2,1,1,4.0");
        HttpResponse<byte[]> xlsx = http.send(as("supervisor", "super123", app(day + "xlsx")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(new String(xlsx.body(), 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).as("a zip (OOXML)").isEqualTo("PK");
        assertThat(xlsx.headers().firstValue("Content-Type")).as("binary, no charset")
                .hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        HttpResponse<byte[]> pdf = http.send(as("supervisor", "super123", app(day + "pdf")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(http.send(as("supervisor", "super123", app(day + "doc")).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(400);
        assertThat(http.send(as("agent01", "agent123", app(day + "csv")).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).as("agents do not read center statistics").isEqualTo(403);
        // 09:00-10:00: 3 calls, 480 s handled on average = 0.4 Erlang; one agent answers 61 % in 20 s, two 95 %
        String staffing = http.send(as("supervisor", "super123",
                app("api/reports/staffing?from=2026-10-05&to=2026-10-05&hour=9")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(staffing).contains("\"agents\":2").contains("\"callsPerHour\":3.0").contains("\"handleSeconds\":480.0");

        try (Connection c = TestEnvironment.database(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE call_record SET agent_id = " + agentId + ", agent_answered_at = '2026-10-05 01:45:25',"
                    + " wrapped_up_at = '2026-10-05 01:47:25', outcome = 'ANSWERED' WHERE call_uid = 'st-3'");
            st.executeUpdate("DELETE FROM call_record WHERE call_uid = 'st-5'");
        }
        String rerun = runToEnd("nightly-statistics", "{\"day\":\"2026-10-05\"}");
        assertThat(rerun).contains("\"batchStatus\":\"COMPLETED\"");
        assertThat(figures("CENTER", "ALL", -1)).containsExactly(4L, 4L, 0L, 3L, 85L, 1230L, 3L, 2L, 1L, 1L, 1L, 4L);
        assertThat(figures("CENTER", "ALL", 0)).as("the hour that lost its only call is gone").isEmpty();
        try (Connection c = TestEnvironment.database(); Statement st = c.createStatement()) {
            assertThat(single(st, "SELECT COUNT(*) FROM daily_statistic WHERE stat_date = '2026-10-05' AND dimension = 'CENTER'"))
                    .as("local hours 9 and 15 (calls), 10 (opened), 11 (breached), 18 (closed), 19 (survey) and the day")
                    .isEqualTo(7);
        }
    }

    @Test
    void closedOrdersAreSurveyedOnceComplaintsAlwaysAndALowScoreOpensAFollowUp() throws Exception {
        ScriptedManager ami = ScriptedManager.shared();
        await().atMost(Duration.ofSeconds(60)).until(ami::hasLoggedInClient);
        // forty orders closed on 2026-09-12 (local): ten complaints with a phone, twenty inquiries with one, ten
        // complaints without (an agent must call those)
        int expected = 0;
        int byCall = 0;
        try (Connection c = TestEnvironment.database(); Statement st = c.createStatement()) {
            long firstId = reserveWorkOrderIds(st, 40);
            for (int n = 1; n <= 40; n++) {
                String type = n <= 10 || n > 30 ? "COMPLAINT" : "INQUIRY";
                String phone = n <= 30 ? "'138000000" + String.format("%02d", 40 + n % 20) + "'" : "NULL";
                String orderNo = "WO-SV-" + n;
                st.executeUpdate("INSERT INTO work_order (id, order_no, order_type, priority, state, channel, subject, created_at,"
                        + " created_by, resolved_at, closed_at, contact_phone) VALUES (" + (firstId + n - 1) + ", '" + orderNo + "', '"
                        + type + "', 'NORMAL',"
                        + " 'CLOSED', 'DESK', '回访测试 " + n + "', '2026-09-11 02:00:00', 'it', '2026-09-12 01:00:00',"
                        + " '2026-09-12 03:00:00', " + phone + ")");
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(orderNo.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (!"INQUIRY".equals(type) || crc.getValue() % 100 < 20) {
                    expected++;
                    byCall += n <= 30 ? 1 : 0;
                }
            }
        }
        int originatesBefore = ami.actions("Originate").size();
        ami.nextOriginate(ScriptedManager.Outcome.ANSWERED_HELD);
        try {
            String run = runToEnd("callback-surveys", "{\"day\":\"2026-09-12\"}");
            assertThat(run).contains("\"batchStatus\":\"COMPLETED\"");
            assertThat(metric(run, "sample", "readCount")).isEqualTo(40);
            assertThat(metric(run, "sample", "writeCount")).as("every complaint, a fifth of the rest").isEqualTo(expected);
            assertThat(metric(run, "sample", "filterCount")).isEqualTo(40 - expected);
            assertThat(metric(run, "place-calls", "writeCount")).isEqualTo(byCall);
            assertThat(ami.actions("Originate").size() - originatesBefore).isEqualTo(byCall);

            // the first complaint's customer answers the survey call: presses 9 (no such score), then 1, and speaks
            long surveyId;
            long outboundId;
            String number;
            try (Connection c = TestEnvironment.database(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT v.id, o.id, o.number, v.sample_reason, v.status FROM survey v"
                         + " JOIN work_order w ON w.id = v.work_order_id JOIN outbound_call o ON o.request_key = CONCAT('survey-', v.id)"
                         + " WHERE w.order_no = 'WO-SV-1'")) {
                assertThat(rs.next()).isTrue();
                surveyId = rs.getLong(1);
                outboundId = rs.getLong(2);
                number = rs.getString(3);
                assertThat(rs.getString(4)).isEqualTo("RULE");
                assertThat(rs.getString(5)).isEqualTo("IN_PROGRESS");
            }
            List<String> heard;
            try (ScriptedAsterisk.Call answered = ScriptedAsterisk.dial("outbound", number)
                    .withVariable("UD_OUTBOUND_ID", String.valueOf(outboundId)).pressing("9", "1")) {
                heard = answered.toTheEnd();
                assertThat(answered.heardText()).as("the order number, 1 said as 幺").contains("您的工单号是幺");
            }
            assertThat(heard).containsSubsequence("EXEC Playback utilitydesk/survey-intro&utilitydesk/say/yao",
                    "GET OPTION utilitydesk/survey-score 0123456789*# 6000",
                    "STREAM FILE utilitydesk/survey-invalid", "GET OPTION utilitydesk/survey-score 0123456789*# 6000",
                    "STREAM FILE utilitydesk/survey-comment", "STREAM FILE utilitydesk/survey-follow-up");
            try (Connection c = TestEnvironment.database(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT v.status, v.score, v.answered_by, v.comment_recording, f.order_type, f.request_key"
                         + " FROM survey v JOIN work_order f ON f.id = v.follow_up_order_id WHERE v.id = " + surveyId)) {
                assertThat(rs.next()).as("a follow-up order").isTrue();
                assertThat(rs.getString(1)).isEqualTo("ANSWERED");
                assertThat(rs.getInt(2)).isEqualTo(1);
                assertThat(rs.getString(3)).isEqualTo("IVR");
                assertThat(rs.getString(4)).endsWith(".wav");
                assertThat(rs.getString(5)).isEqualTo("COMPLAINT");
                assertThat(rs.getString(6)).isEqualTo("survey-" + surveyId + "-follow-up");
            }

            // an order without a phone is an agent's task; the answer is taken once
            HttpResponse<String> tasks = http.send(as("agent01", "agent123", app("api/surveys/tasks")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(tasks.body()).contains("WO-SV-31").doesNotContain("WO-SV-1\"");
            long task;
            try (Connection c = TestEnvironment.database(); Statement st = c.createStatement()) {
                task = single(st, "SELECT v.id FROM survey v JOIN work_order w ON w.id = v.work_order_id WHERE w.order_no = 'WO-SV-31'"
                        + " AND v.method = 'AGENT_TASK'");
            }
            assertThat(answer(task, "{\"score\":7}").statusCode()).isEqualTo(400);
            HttpResponse<String> saved = answer(task, "{\"score\":5,\"comment\":\"师傅来得很快\"}");
            assertThat(saved.statusCode()).isEqualTo(200);
            assertThat(saved.body()).contains("\"recorded\":true").doesNotContain("followUpOrderNo");
            HttpResponse<String> twice = answer(task, "{\"score\":2}");
            assertThat(twice.statusCode()).isEqualTo(409);
            assertThat(twice.body()).contains("已完成");

            String again = runToEnd("callback-surveys", "{\"day\":\"2026-09-12\"}");
            assertThat(metric(again, "sample", "writeCount")).as("each order is surveyed once").isZero();
            assertThat(metric(again, "place-calls", "writeCount")).isZero();
            assertThat(ami.actions("Originate").size() - originatesBefore).isEqualTo(byCall);
        } finally {
            ami.nextOriginate(ScriptedManager.Outcome.ANSWERED);
        }
    }

    private HttpResponse<String> answer(long survey, String body) throws Exception {
        return http.send(as("agent01", "agent123", app("api/surveys/" + survey + "/answer")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An inbound call on 2026-10-05, times local (UTC+8) and stored in UTC. */
    private static void call(Statement st, String uid, String caller, long queueId, Long agentId, String started, String queued,
                             String answered, String ended, String wrapped, String outcome) throws Exception {
        st.executeUpdate("INSERT INTO call_record (call_uid, direction, caller_number, queue_id, agent_id, started_at, queued_at,"
                + " agent_answered_at, ended_at, wrapped_up_at, outcome) VALUES ('" + uid + "', 'INBOUND', '" + caller + "', "
                + queueId + ", " + agentId + ", " + utc(started) + ", " + utc(queued) + ", " + utc(answered) + ", " + utc(ended)
                + ", " + utc(wrapped) + ", '" + outcome + "')");
    }

    private static String utc(String localTime) {
        return localTime == null ? "NULL" : "'" + java.time.LocalDateTime.parse("2026-10-05T" + localTime).minusHours(8)
                .toString().replace('T', ' ') + "'";
    }

    /** One row of daily_statistic for 2026-10-05 as its twelve figures, or empty when there is no such row. */
    private static List<Long> figures(String dimension, String key, int hour) throws Exception {
        try (Connection c = TestEnvironment.database();
             PreparedStatement ps = c.prepareStatement("SELECT calls_offered, calls_answered, calls_abandoned, answered_within_sl,"
                     + " total_wait_seconds, total_handle_seconds, first_contact_resolved, orders_opened, orders_closed,"
                     + " orders_breached, csat_responses, csat_score_sum FROM daily_statistic WHERE stat_date = '2026-10-05'"
                     + " AND dimension = ? AND dimension_key = ? AND stat_hour = ?")) {
            ps.setString(1, dimension);
            ps.setString(2, key);
            ps.setInt(3, hour);
            try (ResultSet rs = ps.executeQuery()) {
                List<Long> values = new ArrayList<>();
                if (rs.next()) {
                    for (int i = 1; i <= 12; i++) {
                        values.add(rs.getLong(i));
                    }
                }
                return values;
            }
        }
    }

    private static long reminders(String window) throws Exception {
        try (Connection c = TestEnvironment.database(); Statement st = c.createStatement()) {
            return single(st, "SELECT COUNT(*) FROM payment_reminder WHERE window_key = '" + window + "' AND status = 'SENT'");
        }
    }

    /**
     * Ids for work orders a test writes straight into the table: taken from the application's own id table
     * (work orders get their ids in blocks from id_sequence, not from AUTO_INCREMENT), so they never collide.
     */
    private static long reserveWorkOrderIds(Statement st, int count) throws Exception {
        st.executeUpdate("UPDATE id_sequence SET next_value = LAST_INSERT_ID(next_value) + " + (count + 1)
                + " WHERE name = 'WORK_ORDER'");
        return single(st, "SELECT LAST_INSERT_ID()") + 1;
    }

    private static long single(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private HttpResponse<String> start(String job, String parameters) throws Exception {
        return http.send(as("supervisor", "super123", app("api/jobs/" + job)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(parameters)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String runToEnd(String parameters) throws Exception {
        return runToEnd("overdue-bills", parameters);
    }

    private String runToEnd(String job, String parameters) throws Exception {
        return awaitEnd(startedId(start(job, parameters)));
    }

    private static long startedId(HttpResponse<String> started) {
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        Matcher m = EXECUTION.matcher(started.body());
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private String execution(long id) throws Exception {
        return http.send(as("supervisor", "super123", app("api/jobs/executions/" + id)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private String awaitEnd(long id) throws Exception {
        // the execution's own status is its first field; its steps have one each, which must not count
        Pattern ended = Pattern.compile("^\\{\"batchStatus\":\"(COMPLETED|FAILED|STOPPED|ABANDONED)\"");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> ended.matcher(execution(id)).find());
        return execution(id);
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(as("supervisor", "super123", app(path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A step's counts from an execution's JSON: readCount, writeCount, filterCount, skipCount, ... */
    private static long metric(String execution, String step, String name) {
        Matcher s = Pattern.compile("\\{[^{}]*\"stepName\":\"" + step + "\"[^{}]*}").matcher(execution);
        assertThat(s.find()).as("step " + step + " in " + execution).isTrue();
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(s.group());
        assertThat(m.find()).as(name + " of " + step).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** Turns some paid bills back into unpaid ones due last January: the job must find exactly these. */
    private static List<Long> reopenPaidBills(int count) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection c = TestEnvironment.database(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT id FROM bill WHERE status = 'PAID' ORDER BY id LIMIT " + count + " OFFSET 300")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
            st.executeUpdate("UPDATE bill SET status = 'ISSUED', amount_paid = 0, due_date = '2026-01-20' WHERE id IN (" + in + ")");
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM bill WHERE status IN ('ISSUED', 'PARTIALLY_PAID') AND due_date < '2026-11-23'")) {
                rs.next();
                assertThat(rs.getLong(1)).as("no other bill is due for the job").isEqualTo(count);
            }
        }
        return ids;
    }

    private static List<String> statuses(List<Long> ids) throws Exception {
        List<String> statuses = new ArrayList<>();
        try (Connection c = TestEnvironment.database();
             PreparedStatement ps = c.prepareStatement("SELECT status FROM bill WHERE id = ?")) {
            for (Long id : ids) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    statuses.add(rs.getString(1));
                }
            }
        }
        return statuses;
    }
}
