package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The platform the scripts set up, probed as someone else on the same host (or the network) would: what listens
 * where, whether Payara's administration answers without its password, whether the old shared default password
 * still opens the database or the broker, and whether the secrets can be read by others.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlatformSecurityIT {

    /** The password every piece shared before secrets were generated per instance. */
    private static final String OLD_DEFAULT = "utilitydesk";

    private static final Path INSTANCE = Path.of(System.getProperty("it.runtime", "../.runtime/test"));
    private static final Path DOMAIN = Path.of(System.getProperty("it.domain.dir",
            "../.runtime/payara6/glassfish/domains/utilitydesk-test"));
    private static final int ADMIN_PORT = Integer.getInteger("it.admin.port", 20048);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.realEar();
    }

    @Test
    void everyPortOfTheInstanceListensOnLoopbackOnly() throws Exception {
        List<ListeningSockets.Socket> payara = ListeningSockets.of(pid(DOMAIN.resolve("config/pid")));
        List<ListeningSockets.Socket> all = new ArrayList<>(payara);
        all.addAll(ListeningSockets.of(pid(INSTANCE.resolve("mariadb.pid"))));
        all.addAll(ListeningSockets.of(pid(INSTANCE.resolve("artemis.pid"))));

        // the probe sees the ports it must see, so an empty answer cannot pass
        assertThat(payara).extracting(ListeningSockets.Socket::port)
                .contains(Integer.getInteger("it.http.port", 20080), ADMIN_PORT, Integer.getInteger("it.agi.port", 24573));
        assertThat(all).extracting(ListeningSockets.Socket::port)
                .contains(Integer.getInteger("it.broker.port", 26616), 23307);
        assertThat(all).as("sockets listening beyond loopback").filteredOn(s -> !s.loopback()).isEmpty();
    }

    @Test
    void administrationNeedsThePasswordOverTls() throws Exception {
        // plain HTTP is sent to HTTPS, not answered
        HttpURLConnection plain = (HttpURLConnection) URI.create("http://127.0.0.1:" + ADMIN_PORT + "/management/domain")
                .toURL().openConnection();
        plain.setInstanceFollowRedirects(false);
        assertThat(plain.getResponseCode()).isEqualTo(302);
        assertThat(plain.getHeaderField("Location")).startsWith("https://");

        // the REST interface once handed the database password to anyone
        String pool = "/management/domain/resources/jdbc-connection-pool/UtilityDeskPool/property";
        Answer anonymous = admin(pool, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain(System.getProperty("it.db.password"));
        assertThat(admin(pool, "admin:").status()).isEqualTo(401);
        assertThat(admin(pool, "admin:admin").status()).isEqualTo(401);
        assertThat(admin(pool, "admin:adminadmin").status()).isEqualTo(401);

        String password = System.getenv("UD_IT_ADMIN_PASSWORD");
        assertThat(password).as("the generated admin password").isNotBlank().hasSizeGreaterThanOrEqualTo(20);
        assertThat(Files.readString(INSTANCE.resolve("secrets/payara-admin")).strip()).isEqualTo(password);
        assertThat(admin("/management/domain", "admin:" + password).status()).isEqualTo(200);
    }

    @Test
    void theOldSharedPasswordOpensNothing() throws Exception {
        String url = System.getProperty("it.db.url");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "utilitydesk", OLD_DEFAULT).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "root", "").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
        DriverManager.getConnection(url, "utilitydesk", secret("database")).close();

        String broker = "tcp://127.0.0.1:" + Integer.getInteger("it.broker.port", 26616) + "?reconnectAttempts=0";
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker)) {
            assertThatThrownBy(() -> factory.createConnection("utilitydesk", OLD_DEFAULT).close())
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> factory.createConnection().close()).isInstanceOf(JMSSecurityException.class);
            try (Connection connection = factory.createConnection("utilitydesk", secret("broker"))) {
                connection.start();
            }
        }
        // the broker keeps only a hash of it
        String users = Files.readString(INSTANCE.resolve("broker/etc/artemis-users.properties"));
        assertThat(users).contains("utilitydesk = ENC(").doesNotContain(secret("broker"));
    }

    @Test
    void secretsAreTheOwnersAlone() throws Exception {
        assertThat(mode(INSTANCE)).isEqualTo("rwx------");
        assertThat(mode(INSTANCE.getParent())).isEqualTo("rwx------");
        assertThat(mode(INSTANCE.resolve("secrets"))).isEqualTo("rwx------");
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(INSTANCE.resolve("secrets"))) {
            for (Path file : files.toList()) {
                names.add(file.getFileName().toString());
                assertThat(mode(file)).as(file.toString()).isEqualTo("rw-------");
                assertThat(Files.readString(file).strip()).as(file.toString()).isNotEqualTo(OLD_DEFAULT)
                        // SMPP 3.4 takes passwords of 8 characters at most
                        .hasSizeGreaterThanOrEqualTo(file.getFileName().toString().equals("smsc") ? 8 : 20);
            }
        }
        assertThat(names).contains("database", "broker", "asterisk-ami", "payara-admin", "smsc");
    }

    @Test
    void pagesNameNoServer() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(TestEnvironment.app("login.xhtml")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Server")).isEmpty();
        assertThat(page.headers().firstValue("X-Powered-By")).isEmpty();
    }

    @Test
    void monitoringAndTheServersOwnPagesTellAnonymousCallersNothing() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String path : List.of("metrics", "metrics/base", "openapi")) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(TestEnvironment.server(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path).isIn(403, 404);
            assertThat(answer.body()).as(path).doesNotContain("Payara", "GlassFish", "base_", "openapi:");
        }
        HttpResponse<String> start = http.send(HttpRequest.newBuilder(TestEnvironment.server("")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(start.body()).contains("/utilitydesk/").doesNotContain("Payara");
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(TestEnvironment.server("no/such/thing")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("找不到此页面", "Page not found").doesNotContain("Payara", "GlassFish");
    }

    @Test
    void jmxNeedsTheAdministratorsPassword() throws Exception {
        assertThatThrownBy(() -> ServerJmx.connect(null).close()).as("no credentials").isInstanceOf(Exception.class);
        assertThatThrownBy(() -> ServerJmx.connect("guessed-password").close()).as("a guessed password").isInstanceOf(Exception.class);
        try (ServerJmx jmx = ServerJmx.asAdministrator()) {
            assertThat(jmx.mbeans()).as("MBeans the administrator sees").isGreaterThan(100);
        }
    }

    private record Answer(int status, String body) {
    }

    /** One GET on the administration's REST interface over TLS (the domain's own certificate), as user:password. */
    private static Answer admin(String path, String credentials) throws Exception {
        HttpsURLConnection connection = (HttpsURLConnection) URI.create("https://127.0.0.1:" + ADMIN_PORT + path)
                .toURL().openConnection();
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {new ServerJmx.TrustAnyCertificate()}, null);
        connection.setSSLSocketFactory(tls.getSocketFactory());
        connection.setHostnameVerifier((host, session) -> "127.0.0.1".equals(host));
        connection.setRequestProperty("Accept", "application/json");
        connection.setRequestProperty("X-Requested-By", "utilitydesk-tests");
        if (credentials != null) {
            connection.setRequestProperty("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        int status = connection.getResponseCode();
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return new Answer(status, body);
    }

    private static String secret(String name) throws IOException {
        return Files.readString(INSTANCE.resolve("secrets").resolve(name)).strip();
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static long pid(Path file) throws IOException {
        return Long.parseLong(Files.readString(file).strip());
    }
}
