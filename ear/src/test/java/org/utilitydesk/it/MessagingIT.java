package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.utilitydesk.application.WorkOrderService;
import org.utilitydesk.domain.model.workorder.Channel;
import org.utilitydesk.domain.model.workorder.WorkOrder;
import org.utilitydesk.domain.model.workorder.WorkOrderRequest;
import org.utilitydesk.domain.model.workorder.WorkOrderType;
import org.utilitydesk.infrastructure.messaging.Destinations;

/**
 * Work orders travel through the real Artemis broker: the order row and its message commit or roll back
 * together, a redelivered message has no second effect, and a message that can never be handled ends in
 * the dead-letter queue instead of looping.
 */
@ExtendWith(ArquillianExtension.class)
class MessagingIT {

    private static final long WESTLAKE = 4;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.realEarWith(MessagingIT.class, ServerLog.class);
    }

    @Inject
    private WorkOrderService orders;

    @Inject
    private UserTransaction transaction;

    @Resource(lookup = "jdbc/utilitydesk")
    private DataSource dataSource;

    @Resource(lookup = Destinations.CONNECTION_FACTORY)
    private ConnectionFactory connectionFactory;

    @Resource(lookup = Destinations.WORK_ORDER_EVENTS)
    private Queue workOrderEvents;

    private static WorkOrderRequest faultReport(String key) {
        return new WorkOrderRequest(key, WorkOrderType.FAULT_REPAIR, null, Channel.DESK, null, null, WESTLAKE,
                "整栋楼停电", "IT " + key, "西湖区文三路1号", "13800000001");
    }

    @Test
    void aCommittedOrderIsRoutedByTheConsumerThroughTheBroker() throws Exception {
        String key = "it-commit-" + UUID.randomUUID();
        WorkOrder order = orders.open(faultReport(key), "it");

        await().atMost(Duration.ofSeconds(30)).until(() -> "DISPATCHED".equals(state(order.getId())));
        assertThat(eventTypes(order.getId())).containsExactly("CREATED", "DISPATCHED");
        assertThat(column(order.getId(), "assigned_department_id")).as("西湖抢修班").isEqualTo("8");
    }

    @Test
    void theSameRequestKeyTwiceOpensOneOrder() throws Exception {
        String key = "it-repeat-" + UUID.randomUUID();
        WorkOrder first = orders.open(faultReport(key), "it");
        WorkOrder second = orders.open(faultReport(key), "it");
        assertThat(second.getOrderNo()).isEqualTo(first.getOrderNo());
        assertThat(count("SELECT COUNT(*) FROM work_order WHERE request_key = ?", key)).isEqualTo(1);
    }

    @Test
    void aRedeliveredMessageHasNoSecondEffect() throws Exception {
        long id = insertNewOrderWithoutMessage("FAULT_REPAIR", Instant.now());
        String messageId = "it-dup-" + UUID.randomUUID();
        String body = "{\"type\":\"WORK_ORDER_OPENED\",\"messageId\":\"" + messageId + "\",\"workOrderId\":" + id + "}";
        send(body, body);

        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT COUNT(*) FROM processed_message WHERE message_id = ?", messageId) == 1 && "DISPATCHED".equals(state(id)));
        // (a fault report may also fold into an incident of its area: an INCIDENT event, once)
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> eventTypes(id).stream().filter("DISPATCHED"::equals).count() == 1);
        assertThat(eventTypes(id)).startsWith("CREATED", "DISPATCHED").containsOnlyOnce("CREATED", "DISPATCHED")
                .doesNotHaveDuplicates();
    }

    @Test
    void aRolledBackOrderSendsNothingAndAPoisonMessageIsDeadLettered() throws Exception {
        String key = "it-rollback-" + UUID.randomUUID();
        transaction.begin();
        long rolledBackId;
        try {
            rolledBackId = orders.open(faultReport(key), "it").getId();
        } finally {
            transaction.rollback();
        }
        assertThat(count("SELECT COUNT(*) FROM work_order WHERE request_key = ?", key)).isZero();

        // Sent after the rollback, the poison message marks time: if the rolled-back order's message had
        // gone out, it would fail the same way and reach the dead-letter queue no later than this one.
        String poison = "it-poison-" + UUID.randomUUID();
        ServerLog log = ServerLog.ofThisServer();
        send("{\"type\":\"WORK_ORDER_OPENED\",\"messageId\":\"" + poison + "\"}");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> deadLetters().stream().anyMatch(b -> b.contains(poison)));
        String marker = "\"workOrderId\":" + rolledBackId + ",";
        assertThat(deadLetters()).noneMatch(b -> b.contains(marker));
        assertThat(count("SELECT COUNT(*) FROM processed_message WHERE message_id = ?", poison)).isZero();
        assertThat(log.records()).as("each delivery of the malformed message is one line").anyMatch(r -> r.contains("is malformed"));
        assertThat(log.withStackTraces()).as("a malformed message is the sender's fault, not a failure with a stack trace")
                .noneMatch(r -> r.contains("WorkOrderEventsConsumer") || r.contains("ejb.mdb"));
    }

    /** Sends as the application does: inside a JTA transaction, so the messages leave when it commits. */
    private void send(String... bodies) throws Exception {
        transaction.begin();
        try (JMSContext context = connectionFactory.createContext()) {
            for (String body : bodies) {
                context.createProducer().send(workOrderEvents, body);
            }
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
        transaction.commit();
    }

    private List<String> deadLetters() throws Exception {
        List<String> bodies = new ArrayList<>();
        try (JMSContext context = connectionFactory.createContext();
             QueueBrowser browser = context.createBrowser(context.createQueue("DLQ"))) {
            for (Object m : Collections.list(browser.getEnumeration())) {
                if (m instanceof TextMessage text) {
                    bodies.add(text.getText());
                }
            }
        }
        return bodies;
    }

    @Test
    void anOrderStoredWithoutItsRoutingMessageIsAnnouncedAgain() throws Exception {
        // what a commit that reached the database while its answer was lost leaves behind: the order, no message
        long id = insertNewOrderWithoutMessage("INQUIRY", Instant.now().minus(Duration.ofMinutes(10)));
        await().atMost(Duration.ofSeconds(30)).until(() -> "DISPATCHED".equals(state(id)));
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                .until(() -> eventTypes(id).stream().filter("DISPATCHED"::equals).count() == 1);
    }

    private long insertNewOrderWithoutMessage(String type, Instant createdAt) throws SQLException {
        long id = 900_000_000L + (System.nanoTime() & 0xFFFFFF);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO work_order (id, order_no, order_type, priority, state, channel,"
                     + " service_area_id, subject, created_at, created_by) VALUES (?, ?, ?, 'NORMAL', 'NEW', 'DESK', ?, ?, ?, 'it')");
             // an event's id comes from id_sequence, as the application takes it (AUTO_INCREMENT could hand out one of its blocks)
             PreparedStatement eventId = c.prepareStatement("UPDATE id_sequence SET next_value = LAST_INSERT_ID(next_value + 1)"
                     + " WHERE name = 'WORK_ORDER_EVENT'");
             PreparedStatement event = c.prepareStatement("INSERT INTO work_order_event (id, work_order_id, event_type, to_state, actor,"
                     + " channel, occurred_at) VALUES (LAST_INSERT_ID(), ?, 'CREATED', 'NEW', 'it', 'DESK', ?)")) {
            Timestamp now = Timestamp.from(createdAt);
            ps.setLong(1, id);
            ps.setString(2, "IT" + id);
            ps.setString(3, type);
            ps.setLong(4, WESTLAKE);
            ps.setString(5, "重复消息测试");
            ps.setTimestamp(6, now);
            ps.executeUpdate();
            eventId.executeUpdate();
            event.setLong(1, id);
            event.setTimestamp(2, now);
            event.executeUpdate();
        }
        return id;
    }

    private String state(long id) throws SQLException {
        return column(id, "state");
    }

    private String column(long id, String column) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM work_order WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private List<String> eventTypes(long id) throws SQLException {
        List<String> types = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT event_type FROM work_order_event WHERE work_order_id = ?"
                     // notifications join the history when an SMS centre happens to be up: not what these tests are about
                     + " AND event_type NOT IN ('NOTIFIED', 'NOTIFY_FAILED')"
                     // in time, as the order's history is shown: ids come in blocks and say nothing about order
                     + " ORDER BY occurred_at, id")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
            }
        }
        return types;
    }

    private long count(String sql, String parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
