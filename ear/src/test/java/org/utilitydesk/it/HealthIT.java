package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import org.awaitility.Awaitility;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Payara's MicroProfile readiness endpoint reports the application's database, broker and telephone system (logged
 * in to the scripted Asterisk's manager interface): to anyone, UP or DOWN per check and nothing more; to
 * administrators and supervisors, through the API, what each check found.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.realEar();
    }

    @Test
    void readinessTellsAnyoneUpOrDownPerCheckAndNothingMore() throws Exception {
        ScriptedManager.shared();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> http.send(
                HttpRequest.newBuilder(TestEnvironment.server("health/ready")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(TestEnvironment.server("health/ready")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().replace(" ", ""))
                .contains("\"status\":\"UP\"")
                .containsPattern("\"name\":\"database\",\"status\":\"UP\"")
                .containsPattern("\"name\":\"broker\",\"status\":\"UP\"")
                .containsPattern("\"name\":\"telephony\",\"status\":\"UP\"")
                .doesNotContainPattern("\"data\":\\{\"").doesNotContain("CONNECTED", "fastAgi", "MariaDB", "MySQL", "127.0.0.1", "/");
    }

    @Test
    void administratorsAndSupervisorsReadWhatEachCheckFound() throws Exception {
        ScriptedManager.shared();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> TestEnvironment.readiness().contains("\"state\":\"CONNECTED\""));
        assertThat(TestEnvironment.readiness())
                .containsPattern("\"name\":\"database\",\"status\":\"UP\",\"data\":\\{\"product\":\"(MariaDB|MySQL)")
                .containsPattern("\"name\":\"telephony\",\"status\":\"UP\"")
                .contains("\"fastAgiListening\":\"true\"");
        HttpResponse<String> supervisor = http.send(TestEnvironment.as("supervisor", "super123", TestEnvironment.app("api/health"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(supervisor.statusCode()).isEqualTo(200);
        HttpResponse<String> agent = http.send(TestEnvironment.as("agent01", "agent123", TestEnvironment.app("api/health"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(agent.statusCode()).isEqualTo(403);
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(TestEnvironment.app("api/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }
}
