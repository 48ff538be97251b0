package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.utilitydesk.it.pbx.SippCustomers;
import org.utilitydesk.it.pbx.SippPhone;

/**
 * Calls the application places, through a real Asterisk and the sample trunk: click-to-dial rings the customer
 * (SIPp behind the trunk) and, once they answer, the agent's phone, and records the call; a busy number and one
 * that does not exist come back as BUSY and NO_SUCH_NUMBER, not as a bare reason code.
 */
class OutboundPbxIT extends RealPbxTest {

    private static SippCustomers customers;
    private final AgentDesk agent = new AgentDesk("agent01");

    @BeforeAll
    static void customersAnswer() throws Exception {
        customers = SippCustomers.answering();
    }

    @AfterAll
    static void customersHangUp() {
        if (customers != null) {
            customers.close();
        }
    }

    @AfterEach
    void signOut() throws Exception {
        agent.signOut();
    }

    @Test
    void clickToDialRingsTheCustomerThroughTheTrunkThenPutsThemThroughToTheAgentsPhone() throws Exception {
        String id;
        try (SippPhone phone = SippPhone.register("8001", Duration.ofMillis(500))) {
            agent.ready();
            int from = asterisk.mark();
            id = dial("13900000001");
            Map<String, String> agentLeg = asterisk.await(from, m -> "BridgeEnter".equals(m.get("Event"))
                    && m.getOrDefault("Channel", "").startsWith("PJSIP/8001-"), CALL, "the agent's phone in a bridge");
            await().atMost(CALL).untilAsserted(() -> assertThat(outboundCall(id)).contains("\"state\":\"ANSWERED\""));
            assertThat(asterisk.since(from, m -> "Newchannel".equals(m.get("Event"))))
                    .as("the customer was rung through the trunk").anyMatch(m -> m.get("Channel").startsWith("PJSIP/trunk-"));

            asterisk.action(Map.of("Action", "Hangup", "Channel", agentLeg.get("Channel"), "Cause", "16"));
            await().atMost(CALL).untilAsserted(() -> assertThat(outboundCall(id)).contains("\"endedAt\""));
        }
        // no IVR runs on a click-to-dial call: its record is the manager interface's alone
        await().atMost(CALL).untilAsserted(() -> assertThat(TestEnvironment.row("SELECT * FROM call_record WHERE call_uid = ?", "udout-" + id))
                .containsEntry("direction", "OUTBOUND").containsEntry("called_number", "13900000001")
                .containsEntry("caller_number", "95598").containsEntry("hangup_cause", "NORMAL"));
    }

    @Test
    void aBusyNumberAndOneThatDoesNotExistAreToldApartInWords() throws Exception {
        try (SippPhone phone = SippPhone.register("8001", Duration.ofMillis(500))) {
            agent.ready();
            String busy = dial("13900000486");
            String nowhere = dial("13900000404");
            await().atMost(CALL).untilAsserted(() -> {
                assertThat(outboundCall(busy)).contains("\"state\":\"BUSY\"", "\"reason\":\"BUSY\"");
                assertThat(outboundCall(nowhere)).contains("\"state\":\"FAILED\"", "\"reason\":\"NO_SUCH_NUMBER\"");
            });
        }
    }

    private String dial(String number) throws Exception {
        var response = agent.send("POST", "api/calls/outbound", "{\"number\":\"" + number + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(response.body());
        assertThat(id.find()).isTrue();
        return id.group(1);
    }

    private String outboundCall(String id) throws Exception {
        return agent.get("api/calls/outbound/" + id).body().replace(" ", "");
    }
}
