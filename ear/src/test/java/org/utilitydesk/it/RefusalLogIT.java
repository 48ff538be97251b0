package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.utilitydesk.it.TestEnvironment.app;
import static org.utilitydesk.it.TestEnvironment.as;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A flood of refused requests cannot fill the disk: each is at most a line in the server log, and the log rotates
 * with a bounded number of old files (the scripts set it; Payara keeps every file by default).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RefusalLogIT {

    private static final Path DOMAIN = Path.of(System.getProperty("it.domain.dir",
            "../.runtime/payara6/glassfish/domains/utilitydesk-test"));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.realEar();
    }

    @Test
    void theServerLogRotatesAndKeepsABoundedNumberOfFiles() throws Exception {
        Properties logging = new Properties();
        try (var in = Files.newInputStream(DOMAIN.resolve("config/logging.properties"))) {
            logging.load(in);
        }
        String handler = "com.sun.enterprise.server.logging.GFFileHandler.";
        assertThat(Integer.parseInt(logging.getProperty(handler + "maxHistoryFiles"))).as("old log files kept").isBetween(1, 100);
        assertThat(Long.parseLong(logging.getProperty(handler + "rotationLimitInBytes"))).as("rotation size")
                .isBetween(1L, 100_000_000L);
        assertThat(logging.getProperty(handler + "compressOnRotation")).isEqualTo("true");
    }

    @Test
    void aHundredRefusedRequestsWriteUnder100KbAndNoStackTrace() throws Exception {
        ServerLog log = ServerLog.from(DOMAIN.resolve("logs/server.log"));
        long before = Files.size(DOMAIN.resolve("logs/server.log"));
        List<HttpRequest> refused = List.of(
                as("agent01", "agent123", app("api/work-orders")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"type\":")).build(),
                as("agent01", "agent123", app("api/work-orders")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"NO_SUCH_TYPE\",\"subject\":true}")).build(),
                as("agent01", "agent123", app("api/work-orders/GD0000")).GET().build(),
                as("agent01", "agent123", app("api/jobs/nightly-statistics")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"day\":\"2026-02-30\"}")).build(),
                as("nobody-logs-in", "wrong-password", app("api/customers?accountNumber=1000000016")).GET().build(),
                as("crew-sc1", "crew123", app("api/jobs/executions/1")).GET().build(),
                HttpRequest.newBuilder(app("desk/work-order.xhtml?no=" + "x".repeat(300))).GET().build(),
                HttpRequest.newBuilder(app("no/such/page.xhtml")).GET().build(),
                HttpRequest.newBuilder(app("desk/customers.xhtml")).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("jakarta.faces.ViewState=forged&customers=customers")).build(),
                as("editor", "editor123", app("api/knowledge/articles/KB000001/attachments?name=..%2F..%2Fetc%2Fpasswd"))
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofString("not a document")).build());
        int answered = 0;
        for (int i = 0; i < 100; i++) {
            HttpResponse<String> answer = http.send(refused.get(i % refused.size()), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("request " + i % refused.size() + ": " + answer.body()).isBetween(300, 499);
            answered++;
        }
        long grown = Files.size(DOMAIN.resolve("logs/server.log")) - before;
        // what the request threads wrote; the rest is the server's other work meanwhile (the outbox retrying texts, …)
        long written = log.records().stream().filter(r -> r.contains("_ThreadName=http-thread-pool"))
                .mapToLong(r -> r.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).sum();
        System.out.printf("100 refused requests wrote %d bytes to the server log (the log grew by %d meanwhile)%n", written, grown);
        assertThat(answered).isEqualTo(100);
        assertThat(written).as("bytes the refused requests wrote to the log").isLessThan(100_000);
        assertThat(log.withStackTraces()).isEmpty();
    }
}
