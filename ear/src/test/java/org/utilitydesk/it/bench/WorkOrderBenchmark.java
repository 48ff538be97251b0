package org.utilitydesk.it.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Work orders created through the REST API by many concurrent clients and routed end to end through the
 * persistent Artemis queue by the MDB, against a running instance. Prints orders created per second,
 * orders dispatched per second (first created to last dispatched) and create-to-dispatched latency
 * p50/p99/max, measured from the orders' own timestamps in the database.
 *
 * <pre>java … WorkOrderBenchmark [http port 8080] [jdbc url] [orders 5000] [clients 32] [user:password agent02:agent123]</pre>
 */
public final class WorkOrderBenchmark {

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        String jdbc = args.length > 1 ? args[1] : "jdbc:mysql://127.0.0.1:3307/utilitydesk";
        int orders = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        String login = args.length > 4 ? args[4] : "agent02:agent123";
        String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection db = DriverManager.getConnection(jdbc + "?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true",
                "utilitydesk", "utilitydesk")) {
            List<String> accounts = accounts(db);
            URI uri = URI.create("http://127.0.0.1:" + port + "/utilitydesk/api/work-orders");
            String auth = "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8));
            HttpClient http = HttpClient.newHttpClient();

            // warm-up: the first requests pay for class loading and pools
            post(http, uri, auth, accounts.get(0), run + "-warm-" + UUID.randomUUID());

            AtomicInteger next = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long start = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                pool.execute(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < orders) {
                        try {
                            if (post(http, uri, auth, accounts.get(i % accounts.size()), run + "-" + i) != 201) {
                                failed.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.HOURS);
            double createSeconds = (System.nanoTime() - start) / 1e9;

            long deadline = System.currentTimeMillis() + 300_000;
            int created = orders - failed.get();
            int dispatched;
            while ((dispatched = count(db, run, true)) < created && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            long[] latencies = latencies(db, run);
            double spanSeconds = span(db, run);
            Arrays.sort(latencies);
            System.out.printf(Locale.ROOT, "orders: %d created (%d failed) by %d clients%n", created, failed.get(), clients);
            System.out.printf(Locale.ROOT, "created: %.0f orders/s (%.1f s)%n", created / createSeconds, createSeconds);
            System.out.printf(Locale.ROOT, "dispatched: %d of %d, %.0f orders/s end to end (first created to last dispatched, %.1f s)%n",
                    dispatched, created, dispatched / spanSeconds, spanSeconds);
            if (latencies.length > 0) {
                System.out.printf(Locale.ROOT, "create->dispatched ms: p50 %d  p99 %d  max %d%n",
                        latencies[latencies.length / 2], latencies[(int) Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.99) - 1)],
                        latencies[latencies.length - 1]);
            }
        }
        System.exit(0); // the HTTP client's threads would keep the JVM alive
    }

    private static int post(HttpClient http, URI uri, String auth, String account, String key) throws Exception {
        String body = "{\"type\":\"INQUIRY\",\"accountNumber\":\"" + account + "\",\"subject\":\"咨询电价政策\","
                + "\"contactPhone\":\"13900000000\",\"requestKey\":\"" + key + "\"}";
        return http.send(HttpRequest.newBuilder(uri).header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static List<String> accounts(Connection db) throws Exception {
        List<String> accounts = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT account_number FROM account ORDER BY id LIMIT 1000")) {
            while (rs.next()) {
                accounts.add(rs.getString(1));
            }
        }
        return accounts;
    }

    private static int count(Connection db, String run, boolean dispatched) throws Exception {
        try (PreparedStatement ps = db.prepareStatement("SELECT COUNT(*) FROM work_order WHERE request_key LIKE ?"
                + " AND request_key NOT LIKE ?" + (dispatched ? " AND dispatched_at IS NOT NULL" : ""))) {
            ps.setString(1, run + "-%");
            ps.setString(2, run + "-warm-%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static long[] latencies(Connection db, String run) throws Exception {
        List<Long> values = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT TIMESTAMPDIFF(MICROSECOND, created_at, dispatched_at) FROM work_order"
                + " WHERE request_key LIKE ? AND request_key NOT LIKE ? AND dispatched_at IS NOT NULL")) {
            ps.setString(1, run + "-%");
            ps.setString(2, run + "-warm-%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getLong(1) / 1000);
                }
            }
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private static double span(Connection db, String run) throws Exception {
        try (PreparedStatement ps = db.prepareStatement("SELECT TIMESTAMPDIFF(MICROSECOND, MIN(created_at), MAX(dispatched_at))"
                + " FROM work_order WHERE request_key LIKE ? AND request_key NOT LIKE ?")) {
            ps.setString(1, run + "-%");
            ps.setString(2, run + "-warm-%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Math.max(0.001, rs.getLong(1) / 1e6);
            }
        }
    }
}
