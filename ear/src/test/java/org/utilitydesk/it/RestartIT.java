package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.utilitydesk.it.TestEnvironment.app;
import static org.utilitydesk.it.TestEnvironment.as;

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
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real Artemis broker, and then the real database, are stopped right after a burst of work orders and
 * started again: orders whose messages were still queued or being routed are routed after the restart,
 * requests made while either is down are refused with a clear 503 and store nothing, and clients retrying
 * with the same request key get exactly one order each, each dispatched exactly once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RestartIT {

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

    @Test
    void noOrderIsLostOrDoubledAcrossADatabaseRestart() throws Exception {
        String dbRun = run + "-db";
        // a desk keeps creating orders while the database goes away and comes back: some are taken just before,
        // their routing runs into the outage; some are refused and tried again by the client. A refusal says either
        // "nothing was stored" or, when the connection broke during the commit itself, "not known whether it took
        // effect": an order that was in fact stored then is found by its request key and announced to routing again
        List<String> keys = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> refused = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean posting = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread desk = new Thread(() -> {
            for (int i = 0; posting.get(); i++) {
                String key = dbRun + "-" + i;
                keys.add(key);
                try {
                    HttpResponse<String> r = post(key);
                    if (r.statusCode() != 201) {
                        refused.add(key + " " + r.statusCode() + " " + r.body());
                    }
                } catch (Exception e) {
                    refused.add(key + " " + e);
                }
            }
        }, "desk-client");
        desk.start();
        Thread.sleep(1_500);
        TestEnvironment.instanceScript("database", "stop");
        try {
            // down until the desk has been refused at least once: a read may wait out the outage instead
            // (EclipseLink retries reads after a lost connection), so a fixed pause does not tell
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> !refused.isEmpty());
            Thread.sleep(1_000);
        } finally {
            TestEnvironment.instanceScript("database", "start");
        }
        Thread.sleep(1_000);
        posting.set(false);
        desk.join(60_000);

        assertThat(refused).as("requests during the outage were refused").isNotEmpty();
        assertThat(refused).as("and said why: " + refused).allMatch(r -> r.contains(" 503 ")
                && (r.contains("数据库暂时不可用") || r.contains("无法确认此次请求是否已生效")));
        // clients retry what was refused, with the same request key, until it is taken
        for (String key : List.copyOf(keys)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> post(key).statusCode() == 201);
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> dispatched(dbRun + "-%") == keys.size());
        for (String key : List.copyOf(keys)) {
            assertThat(orders(key)).as("one order for " + key).isEqualTo(1);
        }
        assertThat(dispatchEvents(dbRun + "-%")).as("each dispatched once").isEqualTo(keys.size());
    }

    @Test
    void anOrderBeingRoutedWaitsOutALongDatabaseOutageInsteadOfBeingDeadLettered() throws Exception {
        // the router of a fault report takes the area's row for update (incident folding); holding that row shared
        // keeps the order's routing waiting right there (the order's own insert only needs it shared) until the
        // database goes away under it
        String account = TestEnvironment.accountInAnAreaWithoutFaults();
        String area = TestEnvironment.row("SELECT service_area_id FROM account WHERE account_number = ?", account)
                .get("service_area_id");
        String key = run + "-long-outage";
        Connection holder = TestEnvironment.database();
        try {
            holder.setAutoCommit(false);
            try (PreparedStatement share = holder.prepareStatement("SELECT id FROM service_area WHERE id = ? LOCK IN SHARE MODE")) {
                share.setString(1, area);
                share.executeQuery().close();
            }
            String body = "{\"type\":\"FAULT_REPAIR\",\"accountNumber\":\"" + account
                    + "\",\"subject\":\"长时间停库测试\",\"requestKey\":\"" + key + "\"}";
            HttpResponse<String> created = http.send(as("agent01", "agent123", app("api/work-orders"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            Thread.sleep(2_000);
            assertThat(dispatched(key)).as("routing waits on the area's row").isZero();

            // down for longer than the broker's five deliveries take: each try spends ~10 s failing to get a
            // connection, 1, 2, 4 and 8 s pass between them, so the fifth has failed ~55 s in
            TestEnvironment.instanceScript("database", "stop");
            Thread.sleep(75_000);
        } finally {
            try {
                holder.close();
            } catch (java.sql.SQLException gone) {
                // the database went away under it, as intended
            }
            TestEnvironment.instanceScript("database", "start");
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> dispatched(key) == 1);
        assertThat(dispatchEvents(key)).as("dispatched once").isEqualTo(1);
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
        TestEnvironment.instanceScript("broker", command);
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
