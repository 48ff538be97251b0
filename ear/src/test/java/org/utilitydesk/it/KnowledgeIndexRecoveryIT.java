package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.utilitydesk.it.TestEnvironment.app;
import static org.utilitydesk.it.TestEnvironment.as;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A knowledge index that cannot be read when the application starts (here: its commit files overwritten
 * while the application was undeployed) is thrown away and rebuilt from the database by itself.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KnowledgeIndexRecoveryIT {

    private static final String EAR = "recovery";
    private final HttpClient http = HttpClient.newHttpClient();

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = EAR, managed = false, testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.realEar();
    }

    @Test
    void anUnreadableIndexIsRebuiltAtStartUp() throws Exception {
        deployer.deploy(EAR);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> search("没电").contains("\"code\":\"KBS001\""));
            deployer.undeploy(EAR);

            List<Path> commits;
            try (Stream<Path> files = Files.list(indexDirectory())) {
                commits = files.filter(p -> p.getFileName().toString().startsWith("segments")).toList();
            }
            assertThat(commits).as("the index's commit points").isNotEmpty();
            for (Path commit : commits) {
                Files.write(commit, "not a lucene commit".getBytes(StandardCharsets.US_ASCII));
            }

            deployer.deploy(EAR);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> search("没电").contains("\"code\":\"KBS001\""));
            assertThat(serverLogs()).as("the log says why").contains("cannot be read").contains("it is rebuilt from the database");
        } finally {
            deployer.undeploy(EAR);
        }
    }

    private String search(String q) throws Exception {
        HttpResponse<String> r = http.send(as("agent01", "agent123",
                app("api/knowledge/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? r.body() : "";
    }

    private static Path domain() {
        return Paths.get(System.getProperty("it.root", ".."), ".runtime", "payara6", "glassfish", "domains", "utilitydesk-test");
    }

    private static Path indexDirectory() {
        return domain().resolve("data").resolve("knowledge-index").resolve("knowledge");
    }

    /** server.log and any rotated ones, newest last. */
    private static String serverLogs() throws Exception {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(domain().resolve("logs"))) {
            for (Path log : files.filter(p -> p.getFileName().toString().startsWith("server.log")).sorted().toList()) {
                text.append(new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }
}
