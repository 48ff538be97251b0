package org.utilitydesk.it;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import javax.rmi.ssl.SslRMIClientSocketFactory;

/**
 * The test domain's JMX connector (TLS with the domain's own certificate, the administrator's password), as an
 * administrator's monitoring would use it: to prove it refuses strangers, and to read what the server allocated.
 */
final class ServerJmx implements AutoCloseable {

    static final String URL = "service:jmx:rmi:///jndi/rmi://127.0.0.1:"
            + (Integer.getInteger("it.admin.port", 20048) - 48 + 86) + "/jmxrmi";

    private final JMXConnector connector;

    private ServerJmx(JMXConnector connector) {
        this.connector = connector;
    }

    /** Connected as admin with {@code password} (none: no credentials at all). */
    static ServerJmx connect(String password) throws Exception {
        Map<String, Object> environment = new HashMap<>();
        environment.put("com.sun.jndi.rmi.factory.socket", new SslRMIClientSocketFactory());
        if (password != null) {
            environment.put(JMXConnector.CREDENTIALS, new String[] {"admin", password});
        }
        SSLContext usual = SSLContext.getDefault();
        SSLContext trusting = SSLContext.getInstance("TLS");
        trusting.init(null, new TrustManager[] {new TrustAnyCertificate()}, null);
        SSLContext.setDefault(trusting);
        try {
            return new ServerJmx(JMXConnectorFactory.connect(new JMXServiceURL(URL), environment));
        } finally {
            SSLContext.setDefault(usual);
        }
    }

    /** As admin with the instance's generated password. */
    static ServerJmx asAdministrator() throws Exception {
        Path runtime = Path.of(System.getProperty("it.runtime", "../.runtime/test"));
        return connect(Files.readString(runtime.resolve("secrets/payara-admin")).strip());
    }

    int mbeans() throws Exception {
        return connection().getMBeanCount();
    }

    /**
     * Bytes the server's live threads whose names start with {@code prefix} (e.g. the pages' and API's request threads,
     * {@code http-thread-pool}) have allocated so far; the rest of the server (timers, the outbox, this connection's
     * own RMI threads) is left out.
     */
    long allocatedBytes(String prefix) throws Exception {
        ObjectName threads = new ObjectName(ManagementFactory.THREAD_MXBEAN_NAME);
        long[] ids = (long[]) connection().getAttribute(threads, "AllThreadIds");
        CompositeData[] infos = (CompositeData[]) connection().invoke(threads, "getThreadInfo", new Object[] {ids},
                new String[] {long[].class.getName()});
        long[] named = java.util.stream.IntStream.range(0, ids.length)
                .filter(i -> infos[i] != null && String.valueOf(infos[i].get("threadName")).startsWith(prefix))
                .mapToLong(i -> ids[i]).toArray();
        long[] bytes = (long[]) connection().invoke(threads, "getThreadAllocatedBytes", new Object[] {named},
                new String[] {long[].class.getName()});
        return Arrays.stream(bytes).filter(b -> b > 0).sum();
    }

    private MBeanServerConnection connection() throws Exception {
        return connector.getMBeanServerConnection();
    }

    @Override
    public void close() throws Exception {
        connector.close();
    }

    /** The test domain's certificate is its own, made when the domain was; the connection is to this host. */
    static final class TrustAnyCertificate implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
