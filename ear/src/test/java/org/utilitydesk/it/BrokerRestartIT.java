package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.utilitydesk.it.TestEnvironment.app;
import static org.utilitydesk.it.TestEnvironment.as;

import java.io.File;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real Artemis broker is stopped right after a burst of work orders and started again: orders whose
 * messages were still queued are routed after the restart, requests made while it is down are refused
 * with a clear 503 and store nothing, and clients retrying with the same request key get exactly one
 * order each, each dispatched exactly once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrokerRestartIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String run = "restart-" + UUID.randomUUID().toString().substring(0, 8);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.realEar();
    }

    @Test
    void noOrderIsLostOrDoubledAcrossABrokerRestart() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            keys.add(run + "-" + i);
            assertThat(post(keys.get(i)).statusCode()).isEqualTo(201);
        }
        broker("stop");
        try {
            HttpResponse<String> refused = post(run + "-while-down");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.body()).contains("没有生成任何工单");
            assertThat(orders(run + "-while-down")).isZero();
        } finally {
            broker("start");
        }
        keys.add(run + "-while-down");
        for (int i = 30; i < 40; i++) {
            keys.add(run + "-" + i);
        }
        // clients retry what was refused, with the same request key, until it is taken
        for (String key : keys.subList(30, keys.size())) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> post(key).statusCode() == 201);
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> dispatched(run + "-%") == keys.size());
        for (String key : keys) {
            assertThat(orders(key)).as("one order for " + key).isEqualTo(1);
        }
        assertThat(dispatchEvents(run + "-%")).as("each dispatched once").isEqualTo(keys.size());
    }

    private HttpResponse<String> post(String key) throws Exception {
        String body = "{\"type\":\"INQUIRY\",\"accountNumber\":\"" + TestEnvironment.FIRST_ACCOUNT
                + "\",\"subject\":\"停机重启测试\",\"requestKey\":\"" + key + "\"}";
        return http.send(as("agent01", "agent123", app("api/work-orders")).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Stops or starts the test instance's broker with the project's own script. */
    private static void broker(String command) throws Exception {
        File root = new File(System.getProperty("it.root", "../"));
        ProcessBuilder builder = new ProcessBuilder("bash", new File(root, "server-config/bin/broker").getPath(), command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("UD_INSTANCE", "test");
        builder.environment().remove("UD_BROKER_HOST");
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("broker " + command + " finished").isTrue();
        assertThat(process.exitValue()).as("broker " + command).isZero();
    }

    private static int orders(String key) throws Exception {
        return count("SELECT COUNT(*) FROM work_order WHERE request_key = ?", key);
    }

    private static int dispatched(String pattern) throws Exception {
        return count("SELECT COUNT(*) FROM work_order WHERE request_key LIKE ? AND state = 'DISPATCHED'", pattern);
    }

    private static int dispatchEvents(String pattern) throws Exception {
        return count("SELECT COUNT(*) FROM work_order_event e JOIN work_order w ON w.id = e.work_order_id"
                + " WHERE w.request_key LIKE ? AND e.event_type = 'DISPATCHED'", pattern);
    }

    private static int count(String sql, String parameter) throws Exception {
        try (Connection c = TestEnvironment.database(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
