package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.utilitydesk.it.pbx.Pbx;
import org.utilitydesk.it.pbx.SippPhone;

/**
 * The application's manager link to a real Asterisk, lost and found again. When the link drops (Asterisk closes
 * the session, as a network fault would) the application logs in again by itself and closes the calls that ended
 * while it could not hear them, instead of leaving them open for good; when Asterisk itself restarts, the
 * application is back once Asterisk is and records calls again. After each login the application asks Asterisk
 * whether it can write to the recordings folders, and the readiness check says. Runs the restart last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AmiPbxIT extends CustomersPbxTest {

    @Test
    @Order(1)
    void aCallThatEndsWhileTheManagerLinkIsDownIsClosedOnceTheApplicationIsBack() throws Exception {
        // (closing the session alone leaves no gap: the application is back within 0.5 s)
        String id;
        try (SippPhone phone = SippPhone.register("8001", Duration.ofMillis(500))) {
            agent.ready();
            Connected call = connect("13900000002");
            id = call.id();
            Map<String, String> agentLeg = call.agentLeg();
            // the link drops, and Asterisk refuses the application's logins (its secret changed) until the call has ended
            Path managerConf = Pbx.get().home().resolve("etc/manager.conf");
            String conf = Files.readString(managerConf);
            try {
                Files.writeString(managerConf, conf.replaceFirst("(\\[utilitydesk\\]\\s*\\nsecret = )", "$1changed-"));
                asterisk.command("manager reload");
                kickTheApplication();
                // once the application has noticed, nothing more reaches it (Asterisk may send what was queued first)
                await().atMost(CALL).until(() -> TestEnvironment.readiness().contains("\"state\":\"DISCONNECTED\""));
                asterisk.action(Map.of("Action", "Hangup", "Channel", agentLeg.get("Channel"), "Cause", "16"));
                await().atMost(CALL).untilAsserted(() -> assertThat(asterisk.command("core show channels concise")).isBlank());
                assertThat(applicationSession()).as("the application's logins refused").isEmpty();
            } finally {
                Files.writeString(managerConf, conf);
                asterisk.command("manager reload");
            }
        }
        await().atMost(CALL).untilAsserted(() -> assertThat(TestEnvironment.row("SELECT * FROM call_record WHERE call_uid = ?",
                "udout-" + id)).containsEntry("hangup_cause", "UNOBSERVED").doesNotContainEntry("ended_at", null));
        assertThat(outboundCall(id)).contains("\"state\":\"ANSWERED\"", "\"endedAt\"");
        assertThat(TestEnvironment.readiness()).contains("\"state\":\"CONNECTED\"");
        assertThat(applicationSession()).as("logged in again").isPresent();
    }

    @Test
    @Order(2)
    void aRecordingsFolderAsteriskCannotWriteToShowsInTheReadinessCheckAfterTheNextLogin() throws Exception {
        Path folder = Pbx.get().home().resolve("spool/utilitydesk");
        Path away = folder.resolveSibling("utilitydesk.away");
        await().atMost(CALL).until(() -> TestEnvironment.readiness().contains("\"voicemail\":\"WRITABLE\""));
        Files.move(folder, away);
        try {
            Files.writeString(folder, "not a folder");
            kickTheApplication();
            await().atMost(CALL).until(() -> TestEnvironment.readiness().contains("\"voicemail\":\"NOT_WRITABLE\""));
            assertThat(TestEnvironment.readiness()).contains("\"surveyComments\":\"NOT_WRITABLE\"");
        } finally {
            Files.delete(folder);
            Files.move(away, folder);
        }
        kickTheApplication();
        await().atMost(CALL).until(() -> TestEnvironment.readiness().contains("\"voicemail\":\"WRITABLE\""));
    }

    @Test
    @Order(3)
    void afterAsteriskRestartsTheApplicationLogsInByItselfAndRecordsCallsAgain() throws Exception {
        String startedBefore = asterisk.action(Map.of("Action", "CoreStatus")).get("CoreStartupTime");
        try {
            asterisk.command("core restart now");
        } catch (Exception | AssertionError e) {
            // Asterisk may close the connection before it answers
        }
        asterisk.close();
        asterisk = null;
        asterisk = await().atMost(CALL).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> Pbx.get().events(), Objects::nonNull);
        await().atMost(CALL).until(() -> asterisk.command("core waitfullybooted").contains("fully booted"));
        assertThat(asterisk.action(Map.of("Action", "CoreStatus")).get("CoreStartupTime")).as("Asterisk started again")
                .isNotEqualTo(startedBefore);
        await().atMost(CALL).until(() -> applicationSession().isPresent() && TestEnvironment.readiness().contains("\"state\":\"CONNECTED\""));

        try (SippPhone phone = SippPhone.register("8001", Duration.ofMillis(500))) {
            agent.ready();
            Connected call = connect("13900000003");
            String id = call.id();
            Map<String, String> agentLeg = call.agentLeg();
            asterisk.action(Map.of("Action", "Hangup", "Channel", agentLeg.get("Channel"), "Cause", "16"));
            await().atMost(CALL).untilAsserted(() -> assertThat(TestEnvironment.row("SELECT * FROM call_record WHERE call_uid = ?",
                    "udout-" + id)).containsEntry("caller_number", "95598").containsEntry("hangup_cause", "NORMAL"));
        }
    }

    /** Asterisk closes the application's manager session, as a network fault would end it. */
    private static void kickTheApplication() throws Exception {
        String session = applicationSession().orElseThrow(() -> new AssertionError("the application is not logged in"));
        assertThat(asterisk.command("manager kick session " + session)).contains("Kicking manager session");
    }

    /** The file descriptor of the application's manager session ("manager show connected"), if it is logged in. */
    private static Optional<String> applicationSession() throws Exception {
        for (String line : asterisk.command("manager show connected").split("\n")) {
            String[] columns = line.trim().split("\\s+");
            // Username, IP address, start, elapsed, file descriptor, ...
            if (columns.length >= 5 && "utilitydesk".equals(columns[0])) {
                return Optional.of(columns[4]);
            }
        }
        return Optional.empty();
    }
}
