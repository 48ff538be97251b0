package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.utilitydesk.it.pbx.SippCustomers;

/**
 * What the tests of calls the application places through the real Asterisk share: the customers' phones behind
 * the sample trunk (SIPp, answering or refusing by number), an agent at the desk, and click-to-dial over the API.
 */
abstract class CustomersPbxTest extends RealPbxTest {

    private static SippCustomers customers;
    final AgentDesk agent = new AgentDesk("agent01");

    @BeforeAll
    static void customersAnswer() throws Exception {
        customers = SippCustomers.answering();
    }

    @AfterAll
    static void customersHangUp() {
        if (customers != null) {
            customers.close();
            customers = null;
        }
    }

    @AfterEach
    void signOut() throws Exception {
        agent.signOut();
    }

    /** The agent clicks to dial {@code number}; the outbound call's id. */
    String dial(String number) throws Exception {
        var response = agent.send("POST", "api/calls/outbound", "{\"number\":\"" + number + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(response.body());
        assertThat(id.find()).isTrue();
        return id.group(1);
    }

    /** A click-to-dial call that connected: its id, and the agent's leg (BridgeEnter of phone 8001) to hang up. */
    record Connected(String id, Map<String, String> agentLeg, int from) {
    }

    /** The agent clicks to dial {@code number}; waits until the customer answered and is bridged to phone 8001. */
    Connected connect(String number) throws Exception {
        int from = asterisk.mark();
        String id = dial(number);
        Map<String, String> agentLeg = asterisk.await(from, m -> "BridgeEnter".equals(m.get("Event"))
                && m.getOrDefault("Channel", "").startsWith("PJSIP/8001-"), CALL, "the agent's phone in a bridge");
        await().atMost(CALL).untilAsserted(() -> assertThat(outboundCall(id)).contains("\"state\":\"ANSWERED\""));
        return new Connected(id, agentLeg, from);
    }

    /** The outbound call as the API shows it, spaces left out. */
    String outboundCall(String id) throws Exception {
        return agent.get("api/calls/outbound/" + id).body().replace(" ", "");
    }
}
