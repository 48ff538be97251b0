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
 * Payara's MicroProfile readiness endpoint reports the application's database, broker and telephone system
 * (logged in to the scripted Asterisk's manager interface).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.realEar();
    }

    @Test
    void readinessReportsDatabaseBrokerAndTelephony() throws Exception {
        ScriptedManager.shared();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(TestEnvironment.server("health/ready")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(TestEnvironment.server("health/ready")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body().replace(" ", ""))
                .contains("\"status\":\"UP\"")
                .containsPattern("\"name\":\"database\",\"status\":\"UP\"")
                .containsPattern("\"name\":\"broker\",\"status\":\"UP\"")
                .containsPattern("\"name\":\"telephony\",\"status\":\"UP\"").contains("\"state\":\"CONNECTED\"")
                .contains("\"fastAgiListening\":\"true\"");
    }
}
