package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * What callers hear, as text: the scripted Asterisk plays only sound files that exist for the channel's
 * language and turns what it played into the catalogue's words, so these scenarios read the bill, an outage
 * with its synthesized reason and a common question's answer as a caller hears them, in Mandarin and English,
 * and walk every path of the menu tree for a missing prompt.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IvrSpeechIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.realEar();
    }

    /** Other tests' fault reports may have opened an incident in the first customer's area: these calls expect it quiet. */
    @BeforeEach
    void noIncidentIsAnnounced() throws Exception {
        TestEnvironment.endIncidentOutages();
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
                "GET OPTION utilitydesk/main-menu 0123456789*# 5000",
                "GET OPTION utilitydesk/anything-else 0123456789*# 5000",
                "STREAM FILE utilitydesk/goodbye",
                "EXEC Hangup 16");
        assertThat(heard).as("the bill as one playback of prompts, no Asterisk say rules")
                .anyMatch(c -> c.startsWith("EXEC Playback utilitydesk/amount-due&utilitydesk/say/"))
                .noneMatch(c -> c.startsWith("SAY "))
                .noneMatch(c -> c.contains("enter-account"));
        assertThat(said).contains("您的应缴金额为一百二十三元四角五分，缴费截止日期为十二月五日。您最近一次缴费")
                .containsPattern("缴费时间为([零一二]+年)?[一二三四五六七八九十]+月[一二三四五六七八九十]+日返回主菜单请按1");

        Map<String, String> record = TestEnvironment.callRecord(uid);
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
                assertThat(heard).containsSubsequence("STREAM FILE utilitydesk/welcome", heard.get(2), "GET OPTION utilitydesk/main-menu 0123456789*# 5000");
                String time = "(凌晨|上午|中午|下午|晚上)[零一两二三四五六七八九十]+点(整|[零一二三四五六七八九十]+分)";
                assertThat(said).containsPattern("您所在的区域正在停电，停电开始于(今天|昨天)" + time + "，预计恢复供电时间为(今天|明天)" + time
                        + "。停电原因：\\[tts\\]查询电费请按1");
                // what the supervisor wrote, synthesized once into the sounds folder Asterisk plays from
                String reason = heard.get(2).replaceFirst(".*&utilitydesk/(tts/zh-[0-9a-f]+)$", "$1");
                assertThat(java.nio.file.Path.of(System.getProperty("it.tts.dir"), "zh", "utilitydesk", reason + ".wav")).isRegularFile();
                assertThat(TestEnvironment.callRecord(uid).get("ivr_path")).startsWith("ID:CALLER_ID>OUTAGE:ACTIVE>MAIN");
            } finally {
                st.executeUpdate("DELETE FROM outage_notice WHERE reason_en = 'IT line fault'");
            }
        }
    }

    @Test
    void aCallerAsksACommonQuestionAndHearsThePublishedAnswerInTheirLanguage() throws Exception {
        String uid;
        List<String> heard;
        try (ScriptedAsterisk.Call call = ScriptedAsterisk.dial("ivr", TestEnvironment.FIRST_MOBILE).pressing("5", "1", "#")) {
            uid = call.uniqueId;
            heard = call.toTheEnd();
            assertThat(call.heardText()).contains("缴费方式请按1").contains("[tts]返回主菜单请按1");
        }
        assertThat(heard).containsSubsequence("GET OPTION utilitydesk/faq-menu 0123456789*# 5000", "GET OPTION utilitydesk/anything-else 0123456789*# 5000");
        assertThat(heard).anyMatch(c -> c.matches("STREAM FILE utilitydesk/tts/zh-[0-9a-f]{24}"));
        assertThat(TestEnvironment.callRecord(uid)).containsEntry("outcome", "SELF_SERVED")
                .containsEntry("ivr_path", "ID:CALLER_ID>MAIN>5>FAQ>1>FAQ_PAY>ARTICLE>AFTER>#>GOODBYE");

        try (ScriptedAsterisk.Call call = ScriptedAsterisk.dial("ivr", TestEnvironment.FIRST_MOBILE).pressing("9", "5", "1", "#")) {
            heard = call.toTheEnd();
            assertThat(call.heardText()).contains("For ways to pay, press 1");
        }
        assertThat(heard).as("the English article, in the English voice")
                .anyMatch(c -> c.matches("STREAM FILE utilitydesk/tts/en-[0-9a-f]{24}"));
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
                "FAQ", "FAQ_GAS", "ENGLISH", "GOODBYE");
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

    /** Leaves the account owing exactly {@code amount} on its latest bill, due on {@code dueDate}; earlier bills paid. */
    private static void oweOnly(long accountId, String amount, LocalDate dueDate) throws Exception {
        try (Connection c = TestEnvironment.database(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE bill SET status = 'PAID', amount_paid = amount_total WHERE account_id = " + accountId);
            st.executeUpdate("UPDATE bill SET status = 'OVERDUE', amount_total = " + amount + ", amount_paid = 0, due_date = '"
                    + dueDate + "' WHERE account_id = " + accountId + " ORDER BY period DESC LIMIT 1");
        }
    }

    /** 1-99 in English words, as the tests expect years' last two digits ("twenty seven"). */
    private static String english(int n) {
        String[] small = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
        String[] tens = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        return n < 20 ? small[n] : tens[n / 10] + (n % 10 == 0 ? "" : " " + small[n % 10]);
    }
}
