package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.utilitydesk.it.pbx.SippCaller;
import org.utilitydesk.it.pbx.SippPhone;

/**
 * The ACD through a real Asterisk: agents' phones (SIPp) register on the sample pjsip.conf's extensions, agents go
 * ready at the desk (which asks Asterisk whether the phone is registered), a SIPp caller asks the IVR for an agent,
 * routing has the caller's FastAGI session Dial the agent's extension, and the two legs meet in a real bridge. The
 * desk's controls act on it through the manager interface: hold (music for the caller), resume (bridged again),
 * a blind transfer to a colleague's phone, and hang-up.
 */
class AcdPbxIT extends RealPbxTest {

    private final AgentDesk first = new AgentDesk("agent01");
    private final AgentDesk second = new AgentDesk("agent02");

    @BeforeEach
    void billingAgents() throws Exception {
        TestEnvironment.endIncidentOutages();
        TestEnvironment.proficiency("agent01", "BILLING", 5);
        TestEnvironment.proficiency("agent02", "BILLING", 5);
    }

    @AfterEach
    void signOut() throws Exception {
        first.signOut();
        second.signOut();
    }

    @Test
    void anAgentWhosePhoneIsNotRegisteredCannotGoReady() throws Exception {
        assertThat(first.send("POST", "api/agents/me/login", "").statusCode()).isEqualTo(200);
        assertThat(first.send("PUT", "api/agents/me/state", "{\"state\":\"READY\"}").body()).contains("话机未注册");
        try (SippPhone phone = SippPhone.register("8001", Duration.ofSeconds(1))) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    first.send("PUT", "api/agents/me/state", "{\"state\":\"READY\"}").body()).contains("\"state\":\"READY\""));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(first.get("api/agents/me").body())
                .as("the phone unregistered: out of routing").contains("\"state\":\"NOT_READY\"", "\"reason\":\"PHONE_OFFLINE\""));
    }

    @Test
    void theCallerIsBridgedToTheAgentsPhoneHeldResumedAndHungUpFromTheDesk() throws Exception {
        String uid;
        try (SippPhone phone = SippPhone.register("8001", Duration.ofSeconds(1))) {
            first.ready();
            try (SippCaller caller = SippCaller.dial(asterisk, "95598", TestEnvironment.FIRST_MOBILE, "0")) {
                uid = caller.uniqueId();
                int from = asterisk.mark();
                caller.awaitRead("utilitydesk/main-menu").press("0");
                caller.awaitCommand("EXEC Dial PJSIP/8001,", CALL);
                String agentLeg = bridged(from, caller.channel(), "PJSIP/8001-");
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(first.get("api/agents/me").body())
                        .contains("\"state\":\"ON_CALL\""));
                assertThat(first.get("api/agents/me/call").body()).contains("\"callerNumber\":\"" + TestEnvironment.FIRST_MOBILE + "\"");

                int held = asterisk.mark();
                assertThat(first.send("PUT", "api/agents/me/call/hold", "").statusCode()).isEqualTo(200);
                asterisk.await(held, m -> "MusicOnHoldStart".equals(m.get("Event")) && caller.channel().equals(m.get("Channel")),
                        CALL, "music on hold for the caller");
                int resumed = asterisk.mark();
                assertThat(first.send("DELETE", "api/agents/me/call/hold", "").statusCode()).isEqualTo(200);
                assertThat(bridged(resumed, caller.channel(), agentLeg)).as("the same agent leg, bridged again").isEqualTo(agentLeg);

                assertThat(first.send("DELETE", "api/agents/me/call", "").statusCode()).isEqualTo(200);
                Map<String, String> agentHangup = asterisk.await(resumed, m -> "Hangup".equals(m.get("Event"))
                        && agentLeg.equals(m.get("Channel")), CALL, "the agent leg's hang-up");
                assertThat(agentHangup.get("Cause")).isEqualTo("16");
                caller.awaitHangup(CALL);
            }
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(TestEnvironment.callRecord(uid))
                .containsEntry("outcome", "ANSWERED").containsEntry("hangup_cause", "AGENT_HANGUP")
                .hasEntrySatisfying("ivr_path", path -> assertThat(path).contains("AGENT:A001")));
        assertThat(first.get("api/agents/me").body()).contains("\"state\":\"WRAP_UP\"");
    }

    @Test
    void aBlindTransferRingsTheColleaguesPhoneAndBridgesTheCallerThere() throws Exception {
        try (SippPhone phone1 = SippPhone.register("8001", Duration.ofSeconds(1));
             SippPhone phone2 = SippPhone.register("8002", Duration.ofSeconds(1))) {
            first.ready();
            try (SippCaller caller = SippCaller.dial(asterisk, "95598", TestEnvironment.FIRST_MOBILE, "0")) {
                int from = asterisk.mark();
                caller.awaitRead("utilitydesk/main-menu").press("0");
                String firstLeg = bridged(from, caller.channel(), "PJSIP/8001-");
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(first.get("api/agents/me").body())
                        .contains("\"state\":\"ON_CALL\""));
                second.ready();
                int transferred = asterisk.mark();
                assertThat(first.send("POST", "api/agents/me/call/transfer", "{\"kind\":\"AGENT\",\"target\":\"agent02\"}")
                        .statusCode()).isEqualTo(200);
                asterisk.await(transferred, m -> "Hangup".equals(m.get("Event")) && firstLeg.equals(m.get("Channel")), CALL,
                        "the first agent's leg hung up");
                bridged(transferred, caller.channel(), "PJSIP/8002-");
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    assertThat(second.get("api/agents/me").body()).contains("\"state\":\"ON_CALL\"");
                    assertThat(first.get("api/agents/me").body()).as("free at once, no wrap-up").contains("\"state\":\"READY\"");
                });
                caller.hangUp();
                caller.awaitHangup(CALL);
            }
        }
    }

    /**
     * Waits until the caller's channel and an agent leg (named by {@code agentLeg}, or starting with it) are in one
     * bridge, and gives the agent leg's name.
     */
    private static String bridged(int from, String callerChannel, String agentLeg) {
        Map<String, String> callerIn = asterisk.await(from, m -> "BridgeEnter".equals(m.get("Event"))
                && callerChannel.equals(m.get("Channel")), CALL, "the caller entering a bridge");
        String bridge = callerIn.get("BridgeUniqueid");
        Map<String, String> agentIn = asterisk.await(from, m -> "BridgeEnter".equals(m.get("Event"))
                && bridge.equals(m.get("BridgeUniqueid")) && m.getOrDefault("Channel", "").startsWith(agentLeg), CALL,
                "an agent leg " + agentLeg + "… in the caller's bridge");
        return agentIn.get("Channel");
    }
}
