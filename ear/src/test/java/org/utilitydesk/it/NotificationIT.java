package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.utilitydesk.it.TestEnvironment.app;
import static org.utilitydesk.it.TestEnvironment.as;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Notifications leave the outbox over the real protocols: SMS by SMPP to an SMS centre run by the test
 * (jsmpp), e-mail by SMTP to a mail server run by the test (GreenMail). Customers hear when their order is
 * accepted and resolved, the crew when it is assigned, the duty supervisor when it is escalated; an SMS
 * centre that is down delays messages without losing or doubling them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NotificationIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static GreenMail mailServer;
    private final HttpClient http = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.realEar();
    }

    @BeforeAll
    static void mailServerAndSmsCentreAreUp() {
        synchronized (NotificationIT.class) {
            if (mailServer == null) {
                mailServer = new GreenMail(new ServerSetup(Integer.getInteger("it.smtp.port", 23025), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
                mailServer.start();
            }
        }
        ScriptedSmsCentre.shared().start();
    }

    @Test
    void theCustomerIsToldBySmsWhenTheOrderIsAcceptedAndResolvedAndTheCrewWhenItIsAssigned() throws Exception {
        ScriptedSmsCentre smsc = ScriptedSmsCentre.shared();
        String orderNo = open("13900000041", "电费异常偏高");

        await().atMost(PATIENCE).until(() -> !smsc.to("13900000041").isEmpty());
        String reference = TestEnvironment.row("SELECT r.ref FROM order_phone_ref r JOIN work_order w ON w.id = r.work_order_id"
                + " WHERE w.order_no = ?", orderNo).get("ref");
        assertThat(smsc.to("13900000041")).singleElement().satisfies(sms -> {
            assertThat(sms.text()).as("with the six digits to key in on the phone")
                    .isEqualTo("【95598】您的工单" + orderNo + "已受理：电费异常偏高。查询进度请拨打95598按3，输入查询码" + reference + "。");
            assertThat(sms.source()).isEqualTo("95598");
        });
        String crewPhone = TestEnvironment.row("SELECT d.phone FROM department d JOIN work_order w ON w.assigned_department_id = d.id"
                + " WHERE w.order_no = ?", orderNo).get("phone");
        assertThat(crewPhone).as("the assignee has a phone").isNotBlank();
        await().atMost(PATIENCE).until(() -> smsc.to(crewPhone).stream().anyMatch(s -> s.text().contains(orderNo)));
        assertThat(outbox("accepted:" + orderNo)).containsEntry("status", "SENT").containsEntry("attempts", "1");
        assertThat(outbox("accepted:" + orderNo).get("provider_id")).isNotBlank();
        String history = http.send(as("agent01", "agent123", app("api/work-orders/" + orderNo)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(history).as("the order's history says who was told what").contains("\"type\":\"NOTIFIED\"",
                "SMS 139****0041 WORK_ORDER_ACCEPTED").doesNotContain("13900000041");

        act(orderNo, "START", null);
        act(orderNo, "RESOLVE", "已核实并退费");
        await().atMost(PATIENCE).until(() -> smsc.to("13900000041").size() == 2);
        assertThat(smsc.to("13900000041").get(1).text()).startsWith("【95598】您的工单" + orderNo + "已处理完毕");
    }

    @Test
    void anEscalationReachesTheDutySupervisorByEmail() throws Exception {
        String orderNo = open(null, "多次来电未解决");
        act(orderNo, "ESCALATE", "客户第三次来电，情绪激动");

        await().atMost(PATIENCE).until(() -> Arrays.stream(mailServer.getReceivedMessages()).anyMatch(m -> subject(m).contains(orderNo)));
        MimeMessage mail = Arrays.stream(mailServer.getReceivedMessages()).filter(m -> subject(m).contains(orderNo)).findFirst().orElseThrow();
        assertThat(subject(mail)).isEqualTo("工单 " + orderNo + " 已升级");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("duty-supervisor@localhost");
        assertThat(String.valueOf(mail.getContent())).contains("agent01 将工单 " + orderNo + " 升级给值班班长", "客户第三次来电，情绪激动");
    }

    @Test
    void whileTheSmsCentreIsDownMessagesWaitAndAreSentOnceWhenItIsBack() throws Exception {
        ScriptedSmsCentre smsc = ScriptedSmsCentre.shared();
        smsc.stop();
        String longSubject = "客户反映小区多栋楼宇自昨晚起电压不稳，灯光闪烁，家用电器无法正常使用，请尽快派人检查";
        String orderNo = open("13900000042", longSubject);
        try {
            await().atMost(PATIENCE).until(() -> Integer.parseInt(outbox("accepted:" + orderNo).getOrDefault("attempts", "0")) >= 1);
            assertThat(outbox("accepted:" + orderNo)).containsEntry("status", "PENDING");
            assertThat(outbox("accepted:" + orderNo).get("last_error")).isNotBlank();
        } finally {
            smsc.start();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> "SENT".equals(outbox("accepted:" + orderNo).get("status")));
        Thread.sleep(3_000);
        assertThat(smsc.to("13900000042")).as("one message, longer than one SMS segment").singleElement()
                .satisfies(sms -> assertThat(sms.text()).contains(longSubject).hasSizeGreaterThan(70));
    }

    @Test
    void aCustomerTextsTheirOrderNumberAndIsToldItsProgressAndNobodyElseIs() throws Exception {
        ScriptedSmsCentre smsc = ScriptedSmsCentre.shared();
        String orderNo = open("13900000043", "表计显示异常");
        await().atMost(PATIENCE).until(() -> !smsc.to("13900000043").isEmpty());

        // the application keeps a receiving session bound; until it has, there is nobody to deliver to
        await().atMost(PATIENCE).until(() -> smsc.deliver("13900000043", "CX " + orderNo.toLowerCase()));
        await().atMost(PATIENCE).until(() -> smsc.to("13900000043").size() == 2);
        assertThat(smsc.to("13900000043").get(1).text()).startsWith("【95598】您的工单" + orderNo + "已派单，我们将于")
                .endsWith("前处理。");

        assertThat(smsc.deliver("13900000044", "查询 " + orderNo)).isTrue();
        await().atMost(PATIENCE).until(() -> !smsc.to("13900000044").isEmpty());
        assertThat(smsc.to("13900000044")).singleElement().satisfies(sms -> assertThat(sms.text())
                .as("another number learns nothing of the order").isEqualTo("【95598】未找到本机号码登记的工单" + orderNo
                        + "，请核对工单号，或拨打95598查询。"));

        assertThat(smsc.deliver("13900000045", "你好，停电了吗")).isTrue();
        await().atMost(PATIENCE).until(() -> !smsc.to("13900000045").isEmpty());
        assertThat(smsc.to("13900000045").get(0).text()).contains("CX+工单号");
    }

    private String open(String phone, String subject) throws Exception {
        String body = "{\"type\":\"COMPLAINT\",\"accountNumber\":\"" + TestEnvironment.FIRST_ACCOUNT + "\",\"subject\":\"" + subject
                + "\",\"requestKey\":\"notify-" + UUID.randomUUID() + "\"" + (phone == null ? "" : ",\"contactPhone\":\"" + phone + "\"") + "}";
        HttpResponse<String> created = http.send(as("agent01", "agent123", app("api/work-orders"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher m = Pattern.compile("\"orderNo\":\"([^\"]+)\"").matcher(created.body());
        assertThat(m.find()).isTrue();
        String orderNo = m.group(1);
        await().atMost(PATIENCE).until(() -> "DISPATCHED".equals(
                TestEnvironment.row("SELECT state FROM work_order WHERE order_no = ?", orderNo).get("state")));
        return orderNo;
    }

    private void act(String orderNo, String action, String note) throws Exception {
        String body = "{\"action\":\"" + action + "\"" + (note == null ? "" : ",\"note\":\"" + note + "\"") + "}";
        HttpResponse<String> response = http.send(as("agent01", "agent123", app("api/work-orders/" + orderNo + "/actions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static Map<String, String> outbox(String key) throws Exception {
        return TestEnvironment.row("SELECT * FROM notification_outbox WHERE dedup_key = ?", key);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }
}
