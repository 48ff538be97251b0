package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.utilitydesk.it.TestEnvironment.app;
import static org.utilitydesk.it.TestEnvironment.as;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The overdue-bills job started by a supervisor through the API, watched to the end, with its counts and rows checked. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BatchJobIT {

    private static final Pattern EXECUTION = Pattern.compile("\"executionId\":(\\d+)");
    private final HttpClient http = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.realEar();
    }

    @Test
    void unpaidBillsPastTheirDueDateBecomeOverdueOnceAndOnlyOnce() throws Exception {
        List<Long> bills = reopenPaidBills(37);

        String first = runToEnd("{\"asOf\":\"2026-11-23\"}");
        assertThat(first).contains("\"batchStatus\":\"COMPLETED\"").contains("\"readCount\":37").contains("\"writeCount\":37")
                .contains("\"skipCount\":0");
        assertThat(statuses(bills)).containsOnly("OVERDUE");

        String second = runToEnd("{\"asOf\":\"2026-11-23\"}");
        assertThat(second).as("a second run finds nothing left to do")
                .contains("\"batchStatus\":\"COMPLETED\"").contains("\"readCount\":0").contains("\"writeCount\":0");
    }

    @Test
    void badParametersAndUnknownJobsAreRefusedBeforeAnythingRuns() throws Exception {
        assertThat(start("overdue-bills", "{\"asOf\":\"next tuesday\"}").statusCode()).isEqualTo(400);
        assertThat(start("overdue-bills", "{\"dryRun\":\"true\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = start("delete-everything", "{}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("没有名为 delete-everything 的批处理作业");
    }

    private HttpResponse<String> start(String job, String parameters) throws Exception {
        return http.send(as("supervisor", "super123", app("api/jobs/" + job)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(parameters)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String runToEnd(String parameters) throws Exception {
        HttpResponse<String> started = start("overdue-bills", parameters);
        assertThat(started.statusCode()).isEqualTo(202);
        Matcher m = EXECUTION.matcher(started.body());
        assertThat(m.find()).isTrue();
        URI status = app("api/jobs/executions/" + m.group(1));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String body = http.send(as("supervisor", "super123", status).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            return body.contains("\"batchStatus\":\"COMPLETED\"") || body.contains("\"batchStatus\":\"FAILED\"");
        });
        return http.send(as("supervisor", "super123", status).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Turns some paid bills back into unpaid ones due last January: the job must find exactly these. */
    private static List<Long> reopenPaidBills(int count) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection c = TestEnvironment.database(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT id FROM bill WHERE status = 'PAID' ORDER BY id LIMIT " + count + " OFFSET 300")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
            st.executeUpdate("UPDATE bill SET status = 'ISSUED', amount_paid = 0, due_date = '2026-01-20' WHERE id IN (" + in + ")");
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM bill WHERE status IN ('ISSUED', 'PARTIALLY_PAID') AND due_date < '2026-11-23'")) {
                rs.next();
                assertThat(rs.getLong(1)).as("no other bill is due for the job").isEqualTo(count);
            }
        }
        return ids;
    }

    private static List<String> statuses(List<Long> ids) throws Exception {
        List<String> statuses = new ArrayList<>();
        try (Connection c = TestEnvironment.database();
             PreparedStatement ps = c.prepareStatement("SELECT status FROM bill WHERE id = ?")) {
            for (Long id : ids) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    statuses.add(rs.getString(1));
                }
            }
        }
        return statuses;
    }
}
