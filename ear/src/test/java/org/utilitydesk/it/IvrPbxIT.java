package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.utilitydesk.it.pbx.Pbx;
import org.utilitydesk.it.pbx.SippCaller;

/**
 * The IVR through a real Asterisk 22 with the project's sample dialplan and PJSIP trunk: a SIPp caller on the
 * carrier's side dials the hotline and presses keys as RFC 4733 events when Asterisk reports that the IVR reads.
 * What Asterisk did is taken from its manager interface (AGI commands with their results, hang-ups) and from its
 * files; what the application made of it from the database.
 */
class IvrPbxIT extends RealPbxTest {


    @BeforeEach
    void noIncidentIsAnnounced() throws Exception {
        TestEnvironment.endIncidentOutages();
    }

    @Test
    void aKnownCallerHearsTheBillAndPressesHashToEnd() throws Exception {
        String uid;
        try (SippCaller caller = SippCaller.dial(asterisk, "95598", TestEnvironment.FIRST_MOBILE, "1#")) {
            uid = caller.uniqueId();
            caller.awaitRead("utilitydesk/main-menu").press("1");
            caller.awaitRead("utilitydesk/anything-else").press("#");
            Map<String, String> hangup = caller.awaitHangup(CALL);
            assertThat(caller.agiCommands()).containsSubsequence("STREAM FILE utilitydesk/welcome",
                    "GET OPTION utilitydesk/main-menu 0123456789*# 5000", "GET OPTION utilitydesk/anything-else 0123456789*# 5000",
                    "STREAM FILE utilitydesk/goodbye", "EXEC Hangup 16");
            assertThat(caller.agiCommands()).as("the bill, with an amount in yuan, as one playback")
                    .anyMatch(c -> c.startsWith("EXEC Playback utilitydesk/") && c.contains("&utilitydesk/yuan"));
            assertThat(caller.agiResults()).as("every prompt played: no command but the last (Hangup) answered -1")
                    .filteredOn(r -> !r.startsWith("EXEC Hangup")).isNotEmpty().allMatch(r -> r.endsWith("-> Success"));
            assertThat(hangup.get("Cause")).isEqualTo("16");
        }
        assertThat(TestEnvironment.callRecord(uid)).containsEntry("customer_id", "1")
                .containsEntry("outcome", "SELF_SERVED")
                .containsEntry("ivr_path", "ID:CALLER_ID>MAIN>1>BILL>AFTER>#>GOODBYE")
                .containsEntry("caller_number", TestEnvironment.FIRST_MOBILE);
    }

    @Test
    void aVoiceMessageIsRecordedIntoAFolderAsteriskCreatesAndStoredWithItsLength() throws Exception {
        String uid;
        try (SippCaller caller = SippCaller.dial(asterisk, "95598", TestEnvironment.FIRST_MOBILE, "8#")) {
            uid = caller.uniqueId();
            caller.awaitRead("utilitydesk/main-menu").press("8");
            caller.awaitCommand("EXEC Record ", CALL).speak();
            Thread.sleep(7_500);
            caller.press("#");
            caller.awaitHangup(CALL);
        }
        String callId = TestEnvironment.callRecord(uid).get("id");
        Map<String, String> message = TestEnvironment.row("SELECT * FROM voicemail WHERE call_id = ?", callId);
        assertThat(message).containsEntry("caller_number", TestEnvironment.FIRST_MOBILE).containsEntry("account_id", "1");
        Path file = Path.of(message.get("recording_path"));
        assertThat(file).as("the recording is in the day's folder under Asterisk's spool").startsWith(Pbx.get().home()).exists();
        int seconds = Integer.parseInt(message.get("duration_seconds"));
        assertThat(seconds).as("about the 7 s the caller talked").isBetween(5, 9);
        assertThat((Files.size(file) - 44) / 16_000).as("the length stored is the file's (8 kHz 16-bit WAV)").isEqualTo(seconds);
        assertThat(TestEnvironment.callRecord(uid)).containsEntry("outcome", "VOICEMAIL")
                .containsEntry("ivr_path", "ID:CALLER_ID>MAIN>8>VOICEMAIL>MESSAGE>GOODBYE");
        assertThat(TestEnvironment.readiness()).as("Asterisk, asked at login, can write there, and it did")
                .contains("\"voicemail\":\"WRITABLE\"", "\"voicemailLastWritten\"");
    }

    @Test
    void aCallerWhoseMessageAsteriskCannotSaveIsToldSoAndNothingIsStored() throws Exception {
        // today's voicemail folder cannot be made: a file stands where it should be
        Path today = Pbx.get().home().resolve("spool/utilitydesk")
                .resolve(LocalDate.now(ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.BASIC_ISO_DATE));
        Path away = today.resolveSibling(today.getFileName() + ".away");
        boolean existed = Files.exists(today);
        if (existed) {
            Files.move(today, away);
        }
        String uid;
        try {
            Files.createDirectories(today.getParent());
            Files.writeString(today, "not a folder");
            try (SippCaller caller = SippCaller.dial(asterisk, "95598", TestEnvironment.FIRST_MOBILE, "8")) {
                uid = caller.uniqueId();
                caller.awaitRead("utilitydesk/main-menu").press("8");
                caller.awaitCommand("EXEC Record ", CALL).speak();
                caller.awaitHangup(CALL);
                assertThat(caller.agiResults()).as("told, in a prompt Asterisk has, that the message was not saved")
                        .anyMatch(r -> r.startsWith("STREAM FILE utilitydesk/message-not-saved") && r.endsWith("-> Success"));
            }
        } finally {
            Files.delete(today);
            if (existed) {
                Files.move(away, today);
            }
        }
        Map<String, String> call = TestEnvironment.callRecord(uid);
        assertThat(call.get("ivr_path")).contains(">8>VOICEMAIL>MESSAGE:NOT_SAVED>");
        assertThat(TestEnvironment.row("SELECT COUNT(*) AS n FROM voicemail WHERE call_id = ?", call.get("id"))).containsEntry("n", "0");
        assertThat(TestEnvironment.readiness()).as("the readiness check shows the lost recording")
                .contains("\"voicemailLastNotWritten\"");
    }

    @Test
    void aMenuWhosePromptIsMissingOnTheAsteriskHostPutsTheCallerThroughToAPersonAtOnce() throws Exception {
        Path sounds = Pbx.get().home().resolve("lib/sounds");
        List<Path> moved = new ArrayList<>();
        String uid;
        try {
            for (String language : List.of("zh", "en")) {
                Path prompt = sounds.resolve(language + "/utilitydesk/main-menu.wav");
                moved.add(Files.move(prompt, prompt.resolveSibling("main-menu.wav.away")));
            }
            try (SippCaller caller = SippCaller.dial(asterisk, "95598", TestEnvironment.FIRST_MOBILE, "")) {
                uid = caller.uniqueId();
                // nobody is ready: the person's queue offers the mailbox, where this caller leaves no message
                caller.awaitCommand("EXEC Record ", CALL).hangUp();
                caller.awaitHangup(CALL);
                assertThat(caller.agiResults()).as("Asterisk could not play the menu")
                        .anyMatch(r -> r.startsWith("GET OPTION utilitydesk/main-menu") && r.endsWith("-> Failure"));
                assertThat(caller.agiCommands()).as("asked once, not raced through its retries")
                        .filteredOn(c -> c.startsWith("GET OPTION utilitydesk/main-menu")).hasSize(1);
                assertThat(caller.agiCommands()).contains("STREAM FILE utilitydesk/transfer-to-agent")
                        .noneMatch(c -> c.startsWith("STREAM FILE utilitydesk/no-input") || c.startsWith("STREAM FILE utilitydesk/invalid-key"));
            }
        } finally {
            for (Path away : moved) {
                Files.move(away, away.resolveSibling("main-menu.wav"));
            }
        }
        assertThat(TestEnvironment.callRecord(uid).get("ivr_path"))
                .startsWith("ID:CALLER_ID>MAIN>PROMPT_FAILED>AGENT>QUEUE:BILLING").contains("VOICEMAIL>MESSAGE:NONE");
    }

    @Test
    void aCallerReportsAFaultHearsItsSixDigitReferenceAndInASecondCallKeysItInForTheOrdersState() throws Exception {
        String uid;
        try (SippCaller caller = SippCaller.dial(asterisk, "95598", TestEnvironment.FIRST_MOBILE, "211#")) {
            uid = caller.uniqueId();
            caller.awaitRead("utilitydesk/main-menu").press("2");
            caller.awaitRead("utilitydesk/fault-type-menu").press("1");
            caller.awaitRead("utilitydesk/confirm-fault-address").press("1");
            caller.awaitRead("utilitydesk/anything-else").press("#");
            caller.awaitHangup(CALL);
            assertThat(caller.agiCommands()).as("the order number read back")
                    .anyMatch(c -> c.startsWith("EXEC Playback utilitydesk/fault-accepted&utilitydesk/say/"));
        }
        Matcher ordered = Pattern.compile("ORDER:(GD\\d{16})").matcher(TestEnvironment.callRecord(uid).get("ivr_path"));
        assertThat(ordered.find()).isTrue();
        String reference = TestEnvironment.row("SELECT r.ref FROM order_phone_ref r JOIN work_order w ON w.id = r.work_order_id"
                + " WHERE w.order_no = ?", ordered.group(1)).get("ref");
        assertThat(reference).matches("\\d{6}");

        try (SippCaller caller = SippCaller.dial(asterisk, "95598", TestEnvironment.FIRST_MOBILE, "3" + reference + "#")) {
            uid = caller.uniqueId();
            caller.awaitRead("utilitydesk/main-menu").press("3");
            caller.awaitRead("utilitydesk/enter-order-number").press(reference);
            caller.awaitCommand("STREAM FILE utilitydesk/order-state-", CALL);
            caller.awaitRead("utilitydesk/anything-else").press("#");
            caller.awaitHangup(CALL);
        }
        assertThat(TestEnvironment.callRecord(uid).get("ivr_path")).contains(">MAIN>3>STATUS>STATUS:");
    }

    @Test
    void aCallerKeysInAMonthAndHearsThatMonthsStatement() throws Exception {
        String period = TestEnvironment.row("SELECT period FROM bill WHERE account_id = ? AND status = 'PAID'"
                + " ORDER BY period DESC LIMIT 1", 1).get("period");
        String month = period.replace("-", "");
        String uid;
        try (SippCaller caller = SippCaller.dial(asterisk, "95598", TestEnvironment.FIRST_MOBILE, "4" + month + "#")) {
            uid = caller.uniqueId();
            caller.awaitRead("utilitydesk/main-menu").press("4");
            caller.awaitRead("utilitydesk/enter-month").press(month);
            caller.awaitRead("utilitydesk/anything-else").press("#");
            caller.awaitHangup(CALL);
        }
        assertThat(TestEnvironment.callRecord(uid).get("ivr_path")).contains("STATEMENT>MONTH:" + period);
    }

    @Test
    void anUnknownCallerKeysInTheAccountNumberAndHearsTheBill() throws Exception {
        String uid;
        String keys = "1" + TestEnvironment.FIRST_ACCOUNT + "##";
        try (SippCaller caller = SippCaller.dial(asterisk, "95598", "02000000077", keys)) {
            uid = caller.uniqueId();
            caller.awaitRead("utilitydesk/main-menu").press("1");
            caller.awaitRead("utilitydesk/enter-account").press(TestEnvironment.FIRST_ACCOUNT + "#");
            caller.awaitRead("utilitydesk/anything-else").press("#");
            caller.awaitHangup(CALL);
        }
        assertThat(TestEnvironment.callRecord(uid)).containsEntry("account_id", "1")
                .containsEntry("ivr_path", "ID:UNKNOWN>MAIN>1>BILL>ID:ACCOUNT>AFTER>#>GOODBYE")
                .containsEntry("caller_number", "02000000077");
    }
}
