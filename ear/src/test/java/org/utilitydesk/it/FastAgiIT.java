package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
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
    void anUnknownCallerMistypesTheAccountNumberOnceThenHearsTheirBill() throws Exception {
        String uid;
        List<String> heard;
        try (ScriptedAsterisk.Call call = ScriptedAsterisk.dial("ivr", "02000000000")
                .pressing("1", "12345", TestEnvironment.FIRST_ACCOUNT, "#")) {
            uid = call.uniqueId;
            heard = call.toTheEnd();
        }
        assertThat(heard).containsSubsequence("GET OPTION utilitydesk/main-menu 0123456789*# 5000",
                "GET DATA utilitydesk/enter-account 10000 10", "STREAM FILE utilitydesk/invalid-account",
                "GET DATA utilitydesk/enter-account 10000 10");
        assertThat(heard).anyMatch(c -> c.matches("EXEC Playback utilitydesk/(amount-due|credit-balance|no-bill)&.*"));
        assertThat(TestEnvironment.callRecord(uid)).containsEntry("customer_id", "1").containsEntry("account_id", "1")
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
                "STREAM FILE utilitydesk/leave-message", "STREAM FILE utilitydesk/goodbye", "EXEC Hangup 16");
        assertThat(heard).anyMatch(c -> c.startsWith("EXEC Record "));
        assertThat(heard).noneMatch(c -> c.startsWith("SAY NUMBER") || c.startsWith("EXEC Dial"));
        assertThat(TestEnvironment.callRecord(uid)).containsEntry("customer_id", null).containsEntry("outcome", "VOICEMAIL")
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
        assertThat(heard.stream().filter(c -> c.equals("GET OPTION utilitydesk/main-menu 0123456789*# 5000"))).hasSize(4);
        assertThat(heard).containsSubsequence("STREAM FILE utilitydesk/invalid-key", "STREAM FILE utilitydesk/no-input",
                "STREAM FILE utilitydesk/invalid-key", "STREAM FILE utilitydesk/transfer-to-agent");
        assertThat(TestEnvironment.callRecord(uid).get("ivr_path"))
                .startsWith("ID:CALLER_ID>MAIN>INVALID:7>MAIN>SILENCE>MAIN>INVALID:*>MAIN>SILENCE>AGENT>QUEUE:BILLING");
    }

    @Test
    void pressing9SwitchesTheCallToEnglishAndReturnsToTheMenu() throws Exception {
        List<String> heard;
        try (ScriptedAsterisk.Call call = ScriptedAsterisk.dial("ivr", TestEnvironment.FIRST_MOBILE).pressing("9", "#", "#", "#", "#")) {
            heard = call.toTheEnd();
        }
        assertThat(heard).containsSubsequence("GET OPTION utilitydesk/main-menu 0123456789*# 5000", "SET VARIABLE CHANNEL(language) en",
                "GET OPTION utilitydesk/main-menu 0123456789*# 5000");
    }

    @Test
    void aCallerHangingUpInTheMenuEndsTheCallCleanly() throws Exception {
        String uid;
        try (ScriptedAsterisk.Call call = ScriptedAsterisk.dial("ivr", TestEnvironment.FIRST_MOBILE)) {
            uid = call.uniqueId;
            call.hangUpAt(c -> c.startsWith("GET OPTION utilitydesk/main-menu"));
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> TestEnvironment.callRecord(uid).get("ended_at") != null);
        assertThat(TestEnvironment.callRecord(uid)).containsEntry("outcome", "ABANDONED").containsEntry("hangup_cause", "CALLER_HANGUP")
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
        assertThat(heard).containsSubsequence("GET OPTION utilitydesk/main-menu 0123456789*# 5000", "GET OPTION utilitydesk/fault-type-menu 0123456789*# 5000",
                "GET OPTION utilitydesk/confirm-fault-address 0123456789*# 5000");
        Matcher ordered = Pattern.compile("ORDER:(GD\\d{16})").matcher(TestEnvironment.callRecord(uid).get("ivr_path"));
        assertThat(ordered.find()).isTrue();
        String orderNo = ordered.group(1);
        String reference = TestEnvironment.row("SELECT r.ref FROM order_phone_ref r JOIN work_order w ON w.id = r.work_order_id"
                + " WHERE w.order_no = ?", orderNo).get("ref");
        assertThat(reference).as("a six-digit phone reference").matches("\\d{6}");
        assertThat(said).as("the six-digit reference read back digit by digit, 1 as 幺")
                .contains("您的报修已受理，抢修人员会尽快与您联系。您的工单查询码是" + chineseDigits(reference));
        Map<String, String> order = TestEnvironment.row("SELECT * FROM work_order WHERE order_no = ?", orderNo);
        assertThat(order).containsEntry("channel", "IVR").containsEntry("account_id", "1").containsEntry("order_type", "FAULT_REPAIR")
                .containsEntry("request_key", "ivr:" + uid + ":NO_POWER").containsEntry("contact_phone", TestEnvironment.FIRST_MOBILE);
        assertThat(TestEnvironment.callRecord(uid).get("ivr_path")).contains("FAULT>1>FAULT_NO_POWER>ORDER:" + orderNo);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "DISPATCHED".equals(TestEnvironment.row("SELECT state FROM work_order WHERE order_no = ?", orderNo).get("state")));

        // the reference tells a stranger nothing; the caller whose order it is hears its state
        try (ScriptedAsterisk.Call call = ScriptedAsterisk.dial("ivr", "02000000000").pressing("3", reference, "", "", "")) {
            heard = call.toTheEnd();
        }
        assertThat(heard).containsSubsequence("GET DATA utilitydesk/enter-order-number 10000 6", "STREAM FILE utilitydesk/order-not-found")
                .noneMatch(c -> c.startsWith("STREAM FILE utilitydesk/order-state-"));
        try (ScriptedAsterisk.Call call = ScriptedAsterisk.dial("ivr", TestEnvironment.FIRST_MOBILE).pressing("3", "123", reference, "#")) {
            heard = call.toTheEnd();
        }
        assertThat(heard).containsSubsequence("GET DATA utilitydesk/enter-order-number 10000 6", "STREAM FILE utilitydesk/order-not-found",
                "GET DATA utilitydesk/enter-order-number 10000 6", "STREAM FILE utilitydesk/order-state-dispatched");
    }

    @Test
    void pressing8RecordsAVoiceMessageStoredWithCallerAndAccount() throws Exception {
        String uid;
        List<String> heard;
        try (ScriptedAsterisk.Call call = ScriptedAsterisk.dial("ivr", TestEnvironment.FIRST_MOBILE).pressing("8")) {
            uid = call.uniqueId;
            heard = call.toTheEnd();
        }
        assertThat(heard).containsSubsequence("GET OPTION utilitydesk/main-menu 0123456789*# 5000", "STREAM FILE utilitydesk/leave-message",
                "STREAM FILE utilitydesk/goodbye", "EXEC Hangup 16");
        assertThat(heard).as("the Record application, which creates the day's folder, keeping the message on a hang-up")
                .anyMatch(c -> c.startsWith("EXEC Record /var/spool/asterisk/utilitydesk/") && c.endsWith(".wav,5,120,k"))
                .contains("GET FULL VARIABLE ${RECORD_STATUS}")
                .anyMatch(c -> c.startsWith("GET FULL VARIABLE ${STAT(s,/var/spool/asterisk/utilitydesk/"));
        String callId = TestEnvironment.callRecord(uid).get("id");
        assertThat(TestEnvironment.row("SELECT * FROM voicemail WHERE call_id = ?", callId))
                .containsEntry("caller_number", TestEnvironment.FIRST_MOBILE).containsEntry("account_id", "1")
                .containsEntry("duration_seconds", "8").containsEntry("status", "NEW")
                .hasEntrySatisfying("recording_path", p -> assertThat(p).endsWith(uid.replace('.', '-') + ".wav"));
        assertThat(TestEnvironment.callRecord(uid)).containsEntry("outcome", "VOICEMAIL").containsEntry("ivr_path", "ID:CALLER_ID>MAIN>8>VOICEMAIL>MESSAGE>GOODBYE");
    }




    @Test
    void anUnknownScriptPathIsRefusedAndTheServerKeepsServing() throws Exception {
        List<String> heard;
        try (ScriptedAsterisk.Call call = ScriptedAsterisk.dial("no-such-script", TestEnvironment.FIRST_MOBILE)) {
            heard = call.toTheEnd();
        }
        // a session for no script of ours is no call: closed before any command (Asterisk's AGI() then returns)
        assertThat(heard).isEmpty();
        assertStillServing();
    }

    @Test
    void eightHundredJunkSessionsLeaveARealCallItsUsualTime() throws Exception {
        long usual = firstCommandMillis();
        List<ScriptedAsterisk.Call> junk = new java.util.ArrayList<>();
        long opened = System.nanoTime();
        try {
            for (int i = 0; i < 800; i++) {
                junk.add(ScriptedAsterisk.junk(i));
            }
            long underJunk = firstCommandMillis();
            List<String> heard;
            try (ScriptedAsterisk.Call call = ScriptedAsterisk.dial("ivr", TestEnvironment.FIRST_MOBILE).pressing("#")) {
                heard = call.toTheEnd();
            }
            assertThat(heard).first().isEqualTo("ANSWER");
            long closedAtOnce = 0;
            for (int i = 0; i < junk.size(); i++) {
                if (i % 4 != 3 && junk.get(i).closedSilently()) {
                    closedAtOnce++;
                }
            }
            System.out.printf("800 junk FastAGI sessions: a real call's first command after %d ms (usual %d ms); %d of 600 "
                    + "junk requests closed without a command (%d ms after the first opened)%n", underJunk, usual, closedAtOnce,
                    (System.nanoTime() - opened) / 1_000_000);
            assertThat(underJunk).as("a real call's first command under 800 junk sessions, ms").isLessThan(1000);
            assertThat(closedAtOnce).isEqualTo(600);
        } finally {
            for (ScriptedAsterisk.Call call : junk) {
                call.close();
            }
        }
        assertStillServing();
    }

    @Test
    void aPeerThatStopsAnsweringIsCutOffAtItsCommandsDeadlineAndTheRecordSaysSo() throws Exception {
        String uid = "silent-" + System.nanoTime();
        long started = System.nanoTime();
        try (ScriptedAsterisk.Call call = ScriptedAsterisk.dial("ivr", TestEnvironment.FIRST_MOBILE, uid)) {
            // it hears ANSWER and never replies
            assertThat(call.nextCommand()).isEqualTo("ANSWER");
            assertThat(call.closedSilently()).as("the application ended the session").isTrue();
        }
        // ANSWER's deadline is 10 s
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(10)).until(() -> "NO_REPLY".equals(TestEnvironment.callRecord(uid).get("hangup_cause")));
        assertStillServing();
    }

    /** How long a fresh call waits for its first command (ANSWER). */
    private static long firstCommandMillis() throws Exception {
        long start = System.nanoTime();
        try (ScriptedAsterisk.Call call = ScriptedAsterisk.dial("ivr", TestEnvironment.FIRST_MOBILE)) {
            assertThat(call.nextCommand()).isEqualTo("ANSWER");
            return (System.nanoTime() - start) / 1_000_000;
        }
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
        assertThat(heard).anyMatch(c -> c.startsWith("GET OPTION"));
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
                "GET OPTION utilitydesk/main-menu 0123456789*# 5000",
                "GET DATA utilitydesk/enter-month 10000 6",
                "STREAM FILE utilitydesk/invalid-month",
                "GET DATA utilitydesk/enter-month 10000 6");
        assertThat(heard).anyMatch(c -> c.startsWith("EXEC Playback utilitydesk/statement-month&"));
        String[] months = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"};
        assertThat(said).contains("您查询的是" + chineseDigits(month.substring(0, 4)).replace('幺', '一') + "年"
                        + months[Integer.parseInt(month.substring(4)) - 1] + "月的账单，用量")
                .containsPattern("度，账单金额[零一二两三四五六七八九十百千万]+元([一二两三四五六七八九]角)?(零?[一二两三四五六七八九]分)?，已经缴清。");
        assertThat(amount).isPositive();
        assertThat(TestEnvironment.callRecord(uid).get("ivr_path")).contains("STATEMENT>MONTH:INVALID>MONTH:" + bill.get("period"));
    }


    /** Digits as a Chinese caller hears an order number: one by one, 1 as 幺. */
    private static String chineseDigits(String digits) {
        StringBuilder said = new StringBuilder();
        for (char d : digits.toCharArray()) {
            said.append("零幺二三四五六七八九".charAt(d - '0'));
        }
        return said.toString();
    }


}
