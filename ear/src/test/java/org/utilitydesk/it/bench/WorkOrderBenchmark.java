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
 * persistent Artemis queue by the MDB, against a running instance; one order per request, or with a batch
 * size above 1 that many per request to {@code /api/work-orders/batch}. Prints orders created per second,
 * orders dispatched per second (first created to last dispatched) and create-to-dispatched latency
 * p50/p99/max, measured from the orders' own timestamps in the database.
 *
 * With a rate (orders/s) the requests are sent on a fixed schedule, as arriving traffic would be, instead of
 * each client sending its next one as soon as the last is answered: latency under a load the system keeps
 * up with, rather than the queue that builds when the senders outrun it.
 *
 * <pre>java … WorkOrderBenchmark [http port 8080] [jdbc url] [orders 5000] [clients 32] [batch 1] [rate 0: flat out]
 *     [user:password agent02:agent123]</pre>
 */
public final class WorkOrderBenchmark {

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        String jdbc = args.length > 1 ? args[1] : "jdbc:mysql://127.0.0.1:3307/utilitydesk";
        int orders = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        int batch = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        double rate = args.length > 5 ? Double.parseDouble(args[5]) : 0;
        String login = args.length > 6 ? args[6] : "agent02:agent123";
        String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection db = DriverManager.getConnection(jdbc + "?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true",
                "utilitydesk", "utilitydesk")) {
            List<String> accounts = accounts(db);
            URI uri = URI.create("http://127.0.0.1:" + port + "/utilitydesk/api/work-orders");
            URI batchUri = URI.create(uri + "/batch");
            String auth = "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8));
            // HTTP/1.1 as channels send it: the default (an h2c upgrade on every new connection) left a few large
            // bodies stalled until the server gave up on them after 30 s (HTTP 400)
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

            // warm-up: the first requests pay for class loading and pools
            post(http, uri, auth, accounts.get(0), run + "-warm-" + UUID.randomUUID());

            AtomicInteger next = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            java.util.Map<String, Integer> problems = new java.util.concurrent.ConcurrentHashMap<>();
            java.util.Queue<Long> answered = new java.util.concurrent.ConcurrentLinkedQueue<>();
            java.util.Queue<Long> visible = new java.util.concurrent.ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long start = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                pool.execute(() -> {
                    Connection watch = rate > 0 ? connect(jdbc) : null;
                    int i;
                    while ((i = next.getAndAdd(batch)) < orders) {
                        int n = Math.min(batch, orders - i);
                        if (rate > 0) {
                            long due = start + (long) (i / rate * 1e9);
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                java.util.concurrent.locks.LockSupport.parkNanos(wait);
                            }
                        }
                        long sent = System.nanoTime();
                        try {
                            int status = batch == 1 ? post(http, uri, auth, accounts.get(i % accounts.size()), run + "-" + i)
                                    : postBatch(http, batchUri, auth, accounts, run, i, n);
                            if (status != 201) {
                                failed.addAndGet(n);
                                problems.merge("HTTP " + status, 1, Integer::sum);
                            }
                            long stored = System.nanoTime();
                            answered.add((stored - sent) / 1_000_000L);
                            if (watch != null && status == 201 && awaitDispatched(watch, run, i, n)) {
                                visible.add((System.nanoTime() - stored) / 1_000_000L);
                            }
                        } catch (Exception e) {
                            failed.addAndGet(n);
                            problems.merge(e.getClass().getSimpleName(), 1, Integer::sum);
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
            System.out.printf(Locale.ROOT, "orders: %d created (%d failed) by %d clients, %d per request%n", created, failed.get(),
                    clients, batch);
            if (!problems.isEmpty()) {
                System.out.println("failed requests: " + problems);
            }
            System.out.printf(Locale.ROOT, "created: %.0f orders/s (%.1f s)%s%n", created / createSeconds, createSeconds,
                    rate > 0 ? String.format(Locale.ROOT, ", sent at %.0f orders/s", rate) : "");
            long[] requests = answered.stream().mapToLong(Long::longValue).sorted().toArray();
            if (requests.length > 0) {
                System.out.printf(Locale.ROOT, "request->answer ms: p50 %d  p99 %d  max %d%n", requests[requests.length / 2],
                        requests[(int) Math.min(requests.length - 1, Math.ceil(requests.length * 0.99) - 1)], requests[requests.length - 1]);
            }
            long[] seen = visible.stream().mapToLong(Long::longValue).sorted().toArray();
            if (seen.length > 0) {
                System.out.printf(Locale.ROOT, "answered (orders stored)->all seen dispatched ms (%d requests, polled every 20 ms):"
                        + " p50 %d  p99 %d  max %d%n", seen.length, seen[seen.length / 2],
                        seen[(int) Math.min(seen.length - 1, Math.ceil(seen.length * 0.99) - 1)], seen[seen.length - 1]);
            }
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
        return send(http, uri, auth, order(account, key));
    }

    /** Orders {@code first} to {@code first + n - 1} of the run in one request. */
    private static int postBatch(HttpClient http, URI uri, String auth, List<String> accounts, String run, int first, int n)
            throws Exception {
        StringBuilder body = new StringBuilder("[");
        for (int i = first; i < first + n; i++) {
            body.append(i == first ? "" : ",").append(order(accounts.get(i % accounts.size()), run + "-" + i));
        }
        return send(http, uri, auth, body.append(']').toString());
    }

    private static String order(String account, String key) {
        return "{\"type\":\"INQUIRY\",\"accountNumber\":\"" + account + "\",\"subject\":\"咨询电价政策\","
                + "\"contactPhone\":\"13900000000\",\"requestKey\":\"" + key + "\"}";
    }

    private static int send(HttpClient http, URI uri, String auth, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Connection connect(String jdbc) {
        try {
            return DriverManager.getConnection(jdbc, "utilitydesk", "utilitydesk");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits (at most 10 s) until the orders of a request are dispatched as another reader of the database sees them:
     * the end of their routing transaction, where the stored dispatch time is its start. The orders of one request
     * are routed in one transaction, so its last order stands for all (one cheap lookup every 20 ms).
     */
    private static boolean awaitDispatched(Connection db, String run, int first, int n) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        try (PreparedStatement ps = db.prepareStatement("SELECT dispatched_at IS NOT NULL FROM work_order WHERE request_key = ?")) {
            ps.setString(1, run + "-" + (first + n - 1));
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return true;
                    }
                }
                Thread.sleep(20);
            }
        }
        return false;
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
