package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Calls reaching the IVR over the real FastAGI protocol from a scripted Asterisk, written as the caller
 * experiences them, with the call record checked afterwards.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FastAgiIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.realEar();
    }

    /**
     * Fault reports made by other tests may have opened an incident in the first customer's area, which
     * the IVR would announce before the menu; these scenarios expect the area quiet unless they say otherwise.
     */
    @BeforeEach
    void noIncidentIsAnnounced() throws Exception {
        try (Connection c = TestEnvironment.database(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE outage_notice SET status = 'RESTORED' WHERE incident_id IS NOT NULL AND status = 'ACTIVE'");
        }
    }

    @Test
    void aKnownCallerPresses1AndHearsTheAmountDueThenPressesHashToEnd() throws Exception {
        LocalDate dueDate = LocalDate.now(SHANGHAI).withMonth(12).withDayOfMonth(5);
        oweOnly(1, "123.45", dueDate);

        List<String> heard;
        String uid;
        String said;
        try (ScriptedAsterisk.Call call = ScriptedAsterisk.dial("ivr", TestEnvironment.FIRST_MOBILE).pressing("1", "#")) {
            uid = call.uniqueId;
            heard = call.toTheEnd();
            said = call.heardText();
        }

        assertThat(heard.get(0)).isEqualTo("ANSWER");
        assertThat(heard).containsSubsequence(
                "STREAM FILE utilitydesk/welcome",
                "GET DATA utilitydesk/main-menu 5000 1",
                "GET DATA utilitydesk/anything-else 5000 1",
                "STREAM FILE utilitydesk/goodbye",
                "HANGUP");
        assertThat(heard).as("the bill as one playback of prompts, no Asterisk say rules")
                .anyMatch(c -> c.startsWith("EXEC Playback utilitydesk/amount-due&utilitydesk/say/"))
                .noneMatch(c -> c.startsWith("SAY "))
                .noneMatch(c -> c.contains("enter-account"));
        assertThat(said).contains("您的应缴金额为一百二十三元四角五分，缴费截止日期为十二月五日。您最近一次缴费")
                .containsPattern("缴费时间为([零一二]+年)?[一二三四五六七八九十]+月[一二三四五六七八九十]+日返回主菜单请按1");

        Map<String, String> record = callRecord(uid);
        assertThat(record).containsEntry("customer_id", "1").containsEntry("account_id", "1")
                .containsEntry("outcome", "SELF_SERVED").containsEntry("hangup_cause", "NORMAL")
                .containsEntry("ivr_path", "ID:CALLER_ID>MAIN>1>BILL>AFTER>#>GOODBYE")
                .containsEntry("caller_number", TestEnvironment.FIRST_MOBILE);
        assertThat(record.get("answered_at")).isNotNull();
        assertThat(record.get("ended_at")).isNotNull();
    }

    @Test
    void anEnglishCallerHearsTheBillInEnglish() throws Exception {
        oweOnly(1, "2002.50", LocalDate.now(SHANGHAI).plusYears(1).withMonth(3).withDayOfMonth(22));
        String said;
        try (ScriptedAsterisk.Call call = ScriptedAsterisk.dial("ivr", TestEnvironment.FIRST_MOBILE).pressing("9", "1", "#")) {
            call.toTheEnd();
            said = call.heardText();
        }
        int year = LocalDate.now(SHANGHAI).getYear() + 1;
        assertThat(said).contains("The amount due is two thousand two yuan fifty fen, to be paid by March twenty second twenty "
                + english(year % 100));
    }
    @Test
    void anUnknownCallerMistypesTheAccountNumberOnceThenHearsTheirBill() throws Exception {
        String uid;
        List<String> heard;
        try (ScriptedAsterisk.Call call = ScriptedAsterisk.dial("ivr", "02000000000")
                .pressing("1", "12345", TestEnvironment.FIRST_ACCOUNT, "#")) {
            uid = call.uniqueId;
            heard = call.toTheEnd();
        }
        assertThat(heard).containsSubsequence("GET DATA utilitydesk/main-menu 5000 1",
                "GET DATA utilitydesk/enter-account 10000 10", "STREAM FILE utilitydesk/invalid-account",
                "GET DATA utilitydesk/enter-account 10000 10");
        assertThat(heard).anyMatch(c -> c.matches("EXEC Playback utilitydesk/(amount-due|credit-balance|no-bill)&.*"));
        assertThat(callRecord(uid)).containsEntry("customer_id", "1").containsEntry("account_id", "1")
                .containsEntry("outcome", "SELF_SERVED")
                .containsEntry("ivr_path", "ID:UNKNOWN>MAIN>1>BILL>ACCOUNT:INVALID>ID:ACCOUNT>AFTER>#>GOODBYE");
    }

    @Test
    void pressing0WhenNoBillingAgentIsLoggedInOffersTheMailbox() throws Exception {
        String uid;
        List<String> heard;
        try (ScriptedAsterisk.Call call = ScriptedAsterisk.dial("ivr", "02000000000").pressing("0")) {
            uid = call.uniqueId;
            heard = call.toTheEnd();
        }
        assertThat(heard).containsSubsequence("STREAM FILE utilitydesk/transfer-to-agent", "STREAM FILE utilitydesk/no-agents",
                "STREAM FILE utilitydesk/leave-message", "STREAM FILE utilitydesk/goodbye", "HANGUP");
        assertThat(heard).anyMatch(c -> c.startsWith("RECORD FILE"));
        assertThat(heard).noneMatch(c -> c.startsWith("SAY NUMBER") || c.startsWith("EXEC Dial"));
        assertThat(callRecord(uid)).containsEntry("customer_id", null).containsEntry("outcome", "VOICEMAIL")
                .containsEntry("ivr_path", "ID:UNKNOWN>MAIN>0>AGENT>QUEUE:BILLING>NO_AGENTS>VOICEMAIL>MESSAGE>GOODBYE");
    }

    @Test
    void wrongKeysAndSilenceAreRepeatedThreeTimesThenTheCallerGoesToAnAgent() throws Exception {
        String uid;
        List<String> heard;
        try (ScriptedAsterisk.Call call = ScriptedAsterisk.dial("ivr", TestEnvironment.FIRST_MOBILE)
                .pressing("7", "", "*", "")) {
            uid = call.uniqueId;
            heard = call.toTheEnd();
        }
        assertThat(heard.stream().filter(c -> c.equals("GET DATA utilitydesk/main-menu 5000 1"))).hasSize(4);
        assertThat(heard).containsSubsequence("STREAM FILE utilitydesk/invalid-key", "STREAM FILE utilitydesk/no-input",
                "STREAM FILE utilitydesk/invalid-key", "STREAM FILE utilitydesk/transfer-to-agent");
        assertThat(callRecord(uid).get("ivr_path"))
                .startsWith("ID:CALLER_ID>MAIN>INVALID:7>MAIN>SILENCE>MAIN>INVALID:*>MAIN>SILENCE>AGENT>QUEUE:BILLING");
    }

    @Test
    void pressing9SwitchesTheCallToEnglishAndReturnsToTheMenu() throws Exception {
        List<String> heard;
        try (ScriptedAsterisk.Call call = ScriptedAsterisk.dial("ivr", TestEnvironment.FIRST_MOBILE).pressing("9", "#", "#", "#", "#")) {
            heard = call.toTheEnd();
        }
        assertThat(heard).containsSubsequence("GET DATA utilitydesk/main-menu 5000 1", "SET VARIABLE CHANNEL(language) en",
                "GET DATA utilitydesk/main-menu 5000 1");
    }

    @Test
    void aCallerHangingUpInTheMenuEndsTheCallCleanly() throws Exception {
        String uid;
        try (ScriptedAsterisk.Call call = ScriptedAsterisk.dial("ivr", TestEnvironment.FIRST_MOBILE)) {
            uid = call.uniqueId;
            call.hangUpAt(c -> c.startsWith("GET DATA utilitydesk/main-menu"));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> callRecord(uid).get("ended_at") != null);
        assertThat(callRecord(uid)).containsEntry("outcome", "ABANDONED").containsEntry("hangup_cause", "CALLER_HANGUP")
                .containsEntry("ivr_path", "ID:CALLER_ID>MAIN");
    }

    @Test
    void aCallerReportsAFaultHearsTheOrderNumberAndLaterHearsItWasDispatched() throws Exception {
        String uid;
        List<String> heard;
        String said;
        try (ScriptedAsterisk.Call call = ScriptedAsterisk.dial("ivr", TestEnvironment.FIRST_MOBILE).pressing("2", "1", "1", "#")) {
            uid = call.uniqueId;
            heard = call.toTheEnd();
            said = call.heardText();
        }
        assertThat(heard).containsSubsequence("GET DATA utilitydesk/main-menu 5000 1", "GET DATA utilitydesk/fault-type-menu 5000 1",
                "GET DATA utilitydesk/confirm-fault-address 5000 1");
        Matcher ordered = Pattern.compile("ORDER:(GD\\d{16})").matcher(callRecord(uid).get("ivr_path"));
        assertThat(ordered.find()).isTrue();
        String orderNo = ordered.group(1);
        assertThat(said).as("the number read back digit by digit, 1 as 幺")
                .contains("您的报修已受理，抢修人员会尽快与您联系。您的工单号是" + chineseDigits(orderNo.substring(2)));
        Map<String, String> order = TestEnvironment.row("SELECT * FROM work_order WHERE order_no = ?", orderNo);
        assertThat(order).containsEntry("channel", "IVR").containsEntry("account_id", "1").containsEntry("order_type", "FAULT_REPAIR")
                .containsEntry("request_key", "ivr:" + uid + ":NO_POWER").containsEntry("contact_phone", TestEnvironment.FIRST_MOBILE);
        assertThat(callRecord(uid).get("ivr_path")).contains("FAULT>1>FAULT_NO_POWER>ORDER:" + orderNo);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "DISPATCHED".equals(TestEnvironment.row("SELECT state FROM work_order WHERE order_no = ?", orderNo).get("state")));

        try (ScriptedAsterisk.Call call = ScriptedAsterisk.dial("ivr", "02000000000")
                .pressing("3", "1234567890123456", orderNo.substring(2), "#")) {
            heard = call.toTheEnd();
        }
        assertThat(heard).containsSubsequence("GET DATA utilitydesk/enter-order-number 15000 16", "STREAM FILE utilitydesk/order-not-found",
                "GET DATA utilitydesk/enter-order-number 15000 16", "STREAM FILE utilitydesk/order-state-dispatched");
    }

    @Test
    void aCallerFromAnAreaWithAnOutageHearsItBeforeTheMenu() throws Exception {
        try (Connection c = TestEnvironment.database(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO outage_notice (service_area_id, kind, energy_type, starts_at, ends_at, reason_zh, reason_en,"
                    + " status, created_at) SELECT service_area_id, 'UNPLANNED', 'ELECTRICITY', UTC_TIMESTAMP() - INTERVAL 1 HOUR,"
                    + " UTC_TIMESTAMP() + INTERVAL 2 HOUR, 'IT 线路故障', 'IT line fault', 'ACTIVE', UTC_TIMESTAMP() FROM account WHERE id = 1");
            try {
                String uid;
                List<String> heard;
                String said;
                try (ScriptedAsterisk.Call call = ScriptedAsterisk.dial("ivr", TestEnvironment.FIRST_MOBILE).pressing("#", "#", "#", "#")) {
                    uid = call.uniqueId;
                    heard = call.toTheEnd();
                    said = call.heardText();
                }
                assertThat(heard.get(2)).as("after the welcome, before the menu").startsWith("EXEC Playback utilitydesk/outage-active&");
                assertThat(heard).containsSubsequence("STREAM FILE utilitydesk/welcome", heard.get(2), "GET DATA utilitydesk/main-menu 5000 1");
                String time = "(凌晨|上午|中午|下午|晚上)[零一两二三四五六七八九十]+点(整|[零一二三四五六七八九十]+分)";
                assertThat(said).containsPattern("您所在的区域正在停电，停电开始于(今天|昨天)" + time + "，预计恢复供电时间为(今天|明天)" + time
                        + "。停电原因：\\[tts\\]查询电费请按1");
                // what the supervisor wrote, synthesized once into the sounds folder Asterisk plays from
                String reason = heard.get(2).replaceFirst(".*&utilitydesk/(tts/zh-[0-9a-f]+)$", "$1");
                assertThat(java.nio.file.Path.of(System.getProperty("it.tts.dir"), "zh", "utilitydesk", reason + ".wav")).isRegularFile();
                assertThat(callRecord(uid).get("ivr_path")).startsWith("ID:CALLER_ID>OUTAGE:ACTIVE>MAIN");
            } finally {
                st.executeUpdate("DELETE FROM outage_notice WHERE reason_en = 'IT line fault'");
            }
        }
    }

    @Test
    void pressing8RecordsAVoiceMessageStoredWithCallerAndAccount() throws Exception {
        String uid;
        List<String> heard;
        try (ScriptedAsterisk.Call call = ScriptedAsterisk.dial("ivr", TestEnvironment.FIRST_MOBILE).pressing("8")) {
            uid = call.uniqueId;
            heard = call.toTheEnd();
        }
        assertThat(heard).containsSubsequence("GET DATA utilitydesk/main-menu 5000 1", "STREAM FILE utilitydesk/leave-message",
                "STREAM FILE utilitydesk/goodbye", "HANGUP");
        assertThat(heard).anyMatch(c -> c.startsWith("RECORD FILE /var/spool/asterisk/utilitydesk/") && c.contains(" wav # 120000 0 BEEP s=5"));
        String callId = callRecord(uid).get("id");
        assertThat(TestEnvironment.row("SELECT * FROM voicemail WHERE call_id = ?", callId))
                .containsEntry("caller_number", TestEnvironment.FIRST_MOBILE).containsEntry("account_id", "1")
                .containsEntry("duration_seconds", "8").containsEntry("status", "NEW")
                .hasEntrySatisfying("recording_path", p -> assertThat(p).endsWith(uid.replace('.', '-') + ".wav"));
        assertThat(callRecord(uid)).containsEntry("outcome", "VOICEMAIL").containsEntry("ivr_path", "ID:CALLER_ID>MAIN>8>VOICEMAIL>MESSAGE>GOODBYE");
    }

    /**
     * Every node of the seeded menu tree, reached by its shortest keys, then left to silence (each menu also
     * after a wrong key), by a known and an unknown caller, in Chinese and in English: the scripted Asterisk
     * plays only files that exist in that language's folder, so any prompt missing on any of these paths fails.
     */
    @Test
    void everyPathOfTheMenuTreeIsHeardInBothLanguages() throws Exception {
        Map<String, List<String>> paths = shortestKeyPaths();
        assertThat(paths).containsKeys("MAIN", "BILL", "AFTER", "FAULT", "FAULT_HAZARD", "STATUS", "STATEMENT", "VOICEMAIL",
                "ENGLISH", "GOODBYE");
        ScriptedAsterisk.unheardPrompts();
        int calls = 0;
        for (String language : List.of("zh", "en")) {
            for (var path : paths.entrySet()) {
                List<List<String>> tries = new ArrayList<>(List.of(path.getValue()));
                if ("MENU".equals(TestEnvironment.row("SELECT kind FROM ivr_node WHERE code = ?", path.getKey()).get("kind"))) {
                    List<String> wrongKey = new ArrayList<>(path.getValue());
                    wrongKey.add("*");
                    tries.add(wrongKey);
                }
                for (List<String> keys : tries) {
                    for (String caller : List.of(TestEnvironment.FIRST_MOBILE, "02000000000")) {
                        try (ScriptedAsterisk.Call call = ScriptedAsterisk.dialIn(language, "ivr", caller, ScriptedAsterisk.newUniqueId())
                                .pressing(keys.toArray(String[]::new))) {
                            // nobody answers in the queue: the walk ends where the caller would wait for an agent
                            call.toTheEndOrHangUpAt(c -> c.startsWith("EXEC StartMusicOnHold"));
                            calls++;
                        }
                    }
                }
            }
        }
        assertThat(calls).isGreaterThan(40);
        assertThat(ScriptedAsterisk.unheardPrompts()).as("prompts missing on some path").isEmpty();
    }

    /** The keys that reach each node of the menu tree first, breadth first; an action passes on to its next node. */
    private static Map<String, List<String>> shortestKeyPaths() throws Exception {
        Map<String, Map<String, String>> keys = new java.util.HashMap<>();
        Map<String, String> next = new java.util.HashMap<>();
        try (Connection c = TestEnvironment.database(); Statement st = c.createStatement()) {
            try (var rs = st.executeQuery("SELECT node_code, digit, target_code FROM ivr_transition ORDER BY node_code, digit")) {
                while (rs.next()) {
                    keys.computeIfAbsent(rs.getString(1), k -> new java.util.TreeMap<>()).put(rs.getString(2), rs.getString(3));
                }
            }
            try (var rs = st.executeQuery("SELECT code, next_code FROM ivr_node WHERE next_code IS NOT NULL")) {
                while (rs.next()) {
                    next.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        Map<String, List<String>> paths = new java.util.LinkedHashMap<>();
        java.util.Deque<String> queue = new java.util.ArrayDeque<>(List.of("MAIN"));
        paths.put("MAIN", List.of());
        while (!queue.isEmpty()) {
            String node = queue.poll();
            List<String> path = paths.get(node);
            if (next.containsKey(node) && !paths.containsKey(next.get(node))) {
                paths.put(next.get(node), path);
                queue.add(next.get(node));
            }
            for (var key : keys.getOrDefault(node, Map.of()).entrySet()) {
                if (!paths.containsKey(key.getValue())) {
                    List<String> longer = new ArrayList<>(path);
                    longer.add(key.getKey());
                    paths.put(key.getValue(), longer);
                    queue.add(key.getValue());
                }
            }
        }
        return paths;
    }

    @Test
    void anUnknownScriptPathIsRefusedAndTheServerKeepsServing() throws Exception {
        List<String> heard;
        try (ScriptedAsterisk.Call call = ScriptedAsterisk.dial("no-such-script", TestEnvironment.FIRST_MOBILE)) {
            heard = call.toTheEnd();
        }
        assertThat(heard).doesNotContain("ANSWER");
        assertThat(heard).contains("SET VARIABLE AJ_AGISTATUS NOT_FOUND");
        assertStillServing();
    }

    @Test
    void aMalformedSessionIsDroppedAndTheServerKeepsServing() throws Exception {
        try (ScriptedAsterisk.Call garbage = ScriptedAsterisk.raw("GET / HTTP/1.1\nHost: x\n\n")) {
            assertThat(garbage.toTheEnd()).doesNotContain("ANSWER");
        }
        try (ScriptedAsterisk.Call truncated = ScriptedAsterisk.raw("agi_network: yes\nagi_uniq")) {
            truncated.close();
        }
        assertStillServing();
    }

    @Test
    void aPeerThatConnectsAndSaysNothingIsCutOffWithinTheRequestTimeOut() throws Exception {
        long started = System.nanoTime();
        try (ScriptedAsterisk.Call silent = ScriptedAsterisk.raw("agi_network: yes\n")) {
            assertThat(silent.closedSilently()).as("the application hung up on the silent peer").isTrue();
        }
        // utilitydesk.agi.request-timeout-seconds is 5 by default
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(12));
        assertStillServing();
    }

    @Test
    void aPeerEndingItsLinesInCrLfIsServedLikeAsterisk() throws Exception {
        List<String> heard;
        try (ScriptedAsterisk.Call call = ScriptedAsterisk.dialWithCrLf("ivr", TestEnvironment.FIRST_MOBILE).pressing("#")) {
            heard = call.toTheEnd();
        }
        assertThat(heard).first().isEqualTo("ANSWER");
        assertThat(heard).anyMatch(c -> c.startsWith("GET DATA"));
    }

    @Test
    void everyCommandsTimeIsCountedForSupervisorsAndNotShownToAgents() throws Exception {
        long before = commandsTimed();
        List<String> heard;
        try (ScriptedAsterisk.Call call = ScriptedAsterisk.dial("ivr", TestEnvironment.FIRST_MOBILE).pressing("1", "#")) {
            heard = call.toTheEnd();
        }
        // each command, the first one after the request too, goes out after something was read from the peer
        await().atMost(Duration.ofSeconds(5)).until(() -> commandsTimed() - before >= heard.size());
        assertThat(commandsTimed() - before).isEqualTo(heard.size());

        HttpResponse<String> times = HTTP.send(TestEnvironment.as("supervisor", "super123",
                TestEnvironment.app("api/telephony/ivr-command-times")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(times.body()).contains("\"p99Ms\":").contains("\"buckets\":[[");
        assertThat(HTTP.send(TestEnvironment.as("agent01", "agent123", TestEnvironment.app("api/telephony/ivr-command-times"))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);
    }

    /** How many AGI commands the application has timed since it started, as its API tells a supervisor. */
    private static long commandsTimed() throws Exception {
        HttpResponse<String> response = HTTP.send(TestEnvironment.as("supervisor", "super123",
                TestEnvironment.app("api/telephony/ivr-command-times")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Matcher commands = Pattern.compile("\"commands\":(\\d+)").matcher(response.body());
        assertThat(commands.find()).as("commands in %s", response.body()).isTrue();
        return Long.parseLong(commands.group(1));
    }

    private static void assertStillServing() throws Exception {
        try (ScriptedAsterisk.Call call = ScriptedAsterisk.dial("ivr", TestEnvironment.FIRST_MOBILE).pressing("#")) {
            assertThat(call.toTheEnd()).first().isEqualTo("ANSWER");
        }
    }

    @Test
    void aCallerAsksForAChosenMonthsBillAfterOneImpossibleMonth() throws Exception {
        Map<String, String> bill = TestEnvironment.row("SELECT period, usage_units, amount_total, status FROM bill"
                + " WHERE account_id = ? AND status = 'PAID' ORDER BY period DESC LIMIT 1", 1);
        assertThat(bill).as("the first account has a paid bill").isNotEmpty();
        String month = bill.get("period").replace("-", "");
        BigDecimal amount = new BigDecimal(bill.get("amount_total"));

        List<String> heard;
        String uid;
        String said;
        try (ScriptedAsterisk.Call call = ScriptedAsterisk.dial("ivr", TestEnvironment.FIRST_MOBILE).pressing("4", "202613", month, "#")) {
            uid = call.uniqueId;
            heard = call.toTheEnd();
            said = call.heardText();
        }
        assertThat(heard).containsSubsequence(
                "GET DATA utilitydesk/main-menu 5000 1",
                "GET DATA utilitydesk/enter-month 10000 6",
                "STREAM FILE utilitydesk/invalid-month",
                "GET DATA utilitydesk/enter-month 10000 6");
        assertThat(heard).anyMatch(c -> c.startsWith("EXEC Playback utilitydesk/statement-month&"));
        String[] months = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"};
        assertThat(said).contains("您查询的是" + chineseDigits(month.substring(0, 4)).replace('幺', '一') + "年"
                        + months[Integer.parseInt(month.substring(4)) - 1] + "月的账单，用量")
                .containsPattern("度，账单金额[零一二两三四五六七八九十百千万]+元([一二两三四五六七八九]角)?(零?[一二两三四五六七八九]分)?，已经缴清。");
        assertThat(amount).isPositive();
        assertThat(callRecord(uid).get("ivr_path")).contains("STATEMENT>MONTH:INVALID>MONTH:" + bill.get("period"));
    }

    /** Leaves the account owing exactly {@code amount} on its latest bill, due on {@code dueDate}; earlier bills paid. */
    private static void oweOnly(long accountId, String amount, LocalDate dueDate) throws Exception {
        try (Connection c = TestEnvironment.database(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE bill SET status = 'PAID', amount_paid = amount_total WHERE account_id = " + accountId);
            st.executeUpdate("UPDATE bill SET status = 'OVERDUE', amount_total = " + amount + ", amount_paid = 0, due_date = '"
                    + dueDate + "' WHERE account_id = " + accountId + " ORDER BY period DESC LIMIT 1");
        }
    }

    /** Digits as a Chinese caller hears an order number: one by one, 1 as 幺. */
    private static String chineseDigits(String digits) {
        StringBuilder said = new StringBuilder();
        for (char d : digits.toCharArray()) {
            said.append("零幺二三四五六七八九".charAt(d - '0'));
        }
        return said.toString();
    }

    /** 1-99 in English words, as the tests expect years' last two digits ("twenty seven"). */
    private static String english(int n) {
        String[] small = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
        String[] tens = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        return n < 20 ? small[n] : tens[n / 10] + (n % 10 == 0 ? "" : " " + small[n % 10]);
    }

    /** The call's record once the IVR has closed it (it is written just after the call, not during its last command). */
    private static Map<String, String> callRecord(String uid) throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> TestEnvironment.row(
                "SELECT ivr_path FROM call_record WHERE call_uid = ?", uid).get("ivr_path") != null);
        return TestEnvironment.row("SELECT * FROM call_record WHERE call_uid = ?", uid);
    }
}
