package org.utilitydesk.it.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The knowledge index at scale on the running demo: generates articles (codes GEN…, text recombined from
 * the starter articles' sentences so words are distributed like real ones), rebuilds the index with the
 * knowledge-reindex batch job and reports the indexing rate, then runs searches from several clients and
 * reports latency (through the API, and the index's own time). The generated articles are removed and the
 * index rebuilt again at the end unless {@code keep} is given.
 * <pre>java … KnowledgeBenchmark [http port 8080] [jdbc url] [articles 100000] [queries 2000] [clients 4] [keep|reuse]</pre>
 * {@code reuse} searches the articles a previous {@code keep} run left (and keeps them).
 */
public final class KnowledgeBenchmark {

    private static final Pattern EXECUTION = Pattern.compile("\"executionId\":(\\d+)");
    private static final Pattern TOOK = Pattern.compile("\"tookMillis\":(\\d+)");
    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");
    private static final String SUPERVISOR = "supervisor:super123";
    private static final String AGENT = "agent02:agent123";
    private static final String[] PLACES = {"城东", "城西", "开发区", "高新区", "江北", "南湖", "北岸", "老城区", "滨江", "临港"};
    private static final String[] QUERIES = {"停电了怎么办", "没电", "跳闸", "电费怎么这么高", "阶梯电价", "交电费", "代扣", "欠费",
        "电表走得快", "表", "增容", "过户", "燃气", "漏气", "发票", "触电", "报修进度", "计划停电", "meter", "gas leak", "冰箱", "违约金"};

    private KnowledgeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        String jdbc = args.length > 1 ? args[1] : "jdbc:mysql://127.0.0.1:3307/utilitydesk";
        int articles = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int queries = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
        int clients = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        boolean keep = List.of(args).contains("keep") || List.of(args).contains("reuse");
        boolean reuse = List.of(args).contains("reuse");
        String base = "http://127.0.0.1:" + port + "/utilitydesk/api/";
        HttpClient http = HttpClient.newHttpClient();

        try (Connection db = DriverManager.getConnection(jdbc + "?rewriteBatchedStatements=true&characterEncoding=UTF-8",
                "utilitydesk", "utilitydesk")) {
            long total;
            if (reuse && count(db) >= articles) {
                total = count(db);
                System.out.printf("reusing the %,d articles already there and indexed%n", total);
            } else {
                long started = System.nanoTime();
                int made = generate(db, articles);
                System.out.printf("generated %,d articles in %.1f s%n", made, (System.nanoTime() - started) / 1e9);
                total = count(db);
                double seconds = reindex(http, base);
                System.out.printf("indexed %,d articles with the knowledge-reindex job in %.1f s: %,.0f articles/s%n",
                        total, seconds, total / seconds);
            }

            search(http, base, 50, 1, new long[50], new long[50]);
            long[] client = new long[queries];
            long[] index = new long[queries];
            long runStarted = System.nanoTime();
            search(http, base, queries, clients, client, index);
            double runSeconds = (System.nanoTime() - runStarted) / 1e9;
            System.out.printf("%,d searches from %d clients over %,d articles: %.0f searches/s%n", queries, clients, total,
                    queries / runSeconds);
            System.out.printf("  through the API: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    pct(client, 50), pct(client, 95), pct(client, 99), pct(client, 100));
            System.out.printf("  in the index:    p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    pct(index, 50), pct(index, 95), pct(index, 99), pct(index, 100));

            if (!keep) {
                try (Statement st = db.createStatement()) {
                    st.executeUpdate("DELETE FROM kb_article WHERE code LIKE 'GEN%'");
                }
                reindex(http, base);
                System.out.println("generated articles removed and the index rebuilt");
            }
        }
    }

    /** Inserts articles whose text is recombined from the starter articles' sentences. */
    private static int generate(Connection db, int n) throws Exception {
        List<String> sentences = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        List<Long> categories = new ArrayList<>();
        try (Statement st = db.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT v.title, v.answer, v.solution FROM kb_article a "
                    + "JOIN kb_article_version v ON v.article_id = a.id AND v.version_no = a.current_version WHERE a.code LIKE 'KBS%'")) {
                while (rs.next()) {
                    titles.add(rs.getString(1));
                    for (int c = 2; c <= 3; c++) {
                        String text = rs.getString(c);
                        if (text != null) {
                            for (String s : text.split("(?<=[。；])")) {
                                if (!s.isBlank()) {
                                    sentences.add(s.strip());
                                }
                            }
                        }
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT id FROM kb_category")) {
                while (rs.next()) {
                    categories.add(rs.getLong(1));
                }
            }
            int earlier = st.executeUpdate("DELETE FROM kb_article WHERE code LIKE 'GEN%'");
            if (earlier > 0) {
                System.out.printf("removed %,d generated articles an earlier run left%n", earlier);
            }
        }
        Random random = new Random(95598);
        Timestamp now = Timestamp.from(Instant.now());
        String prefix = "GEN" + Long.toString(System.currentTimeMillis() % 100000, 36);
        db.setAutoCommit(false);
        try (PreparedStatement article = db.prepareStatement("INSERT INTO kb_article (code, category_id, state, audience, language, "
                + "current_version, created_by, created_at, published_at, updated_at) VALUES (?, ?, 'PUBLISHED', ?, 'zh_CN', 1, 'bench', ?, ?, ?)");
             PreparedStatement version = db.prepareStatement("INSERT INTO kb_article_version (article_id, version_no, title, question, "
                     + "answer, fault_cause, solution, tags, changed_by, changed_at, state) "
                     + "SELECT id, 1, ?, NULL, ?, NULL, NULL, ?, 'bench', ?, 'PUBLISHED' FROM kb_article WHERE code = ?")) {
            for (int i = 0; i < n; i++) {
                String code = prefix + String.format("%07d", i);
                if (code.length() > 16) {
                    code = code.substring(code.length() - 16);
                }
                article.setString(1, code);
                article.setLong(2, categories.get(random.nextInt(categories.size())));
                article.setString(3, random.nextInt(3) == 0 ? "INTERNAL" : "PUBLIC");
                article.setTimestamp(4, now);
                article.setTimestamp(5, now);
                article.setTimestamp(6, now);
                article.addBatch();
                StringBuilder answer = new StringBuilder();
                for (int s = 0, k = 3 + random.nextInt(4); s < k; s++) {
                    answer.append(sentences.get(random.nextInt(sentences.size())));
                }
                version.setString(1, PLACES[random.nextInt(PLACES.length)] + titles.get(random.nextInt(titles.size())));
                version.setString(2, answer.toString());
                version.setString(3, PLACES[random.nextInt(PLACES.length)]);
                version.setTimestamp(4, now);
                version.setString(5, code);
                version.addBatch();
                if (i % 2_000 == 1_999 || i == n - 1) {
                    article.executeBatch();
                    version.executeBatch();
                    db.commit();
                }
            }
        } finally {
            db.setAutoCommit(true);
        }
        return n;
    }

    private static long count(Connection db) throws Exception {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM kb_article")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs the knowledge-reindex job to the end; returns its seconds. */
    private static double reindex(HttpClient http, String base) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> r = http.send(request(base + "jobs/knowledge-reindex", SUPERVISOR)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = EXECUTION.matcher(r.body());
        if (r.statusCode() != 202 || !m.find()) {
            throw new IllegalStateException("could not start knowledge-reindex: " + r.statusCode() + " " + r.body());
        }
        String status = base + "jobs/executions/" + m.group(1);
        while (true) {
            String body = http.send(request(status, SUPERVISOR).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            if (body.startsWith("{\"batchStatus\":\"COMPLETED\"")) {
                return (System.nanoTime() - started) / 1e9;
            }
            if (body.startsWith("{\"batchStatus\":\"FAILED\"") || body.startsWith("{\"batchStatus\":\"STOPPED\"")) {
                throw new IllegalStateException("knowledge-reindex did not complete: " + body);
            }
            Thread.sleep(200);
        }
    }

    private static void search(HttpClient http, String base, int n, int clients, long[] client, long[] index) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int slot = i;
            futures.add(pool.submit(() -> {
                String q = QUERIES[slot % QUERIES.length];
                long t0 = System.nanoTime();
                HttpResponse<String> r = http.send(request(base + "knowledge/search?limit=10&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8),
                        AGENT).GET().build(), HttpResponse.BodyHandlers.ofString());
                client[slot] = System.nanoTime() - t0;
                Matcher took = TOOK.matcher(r.body());
                if (r.statusCode() != 200 || !took.find() || !TOTAL.matcher(r.body()).find()) {
                    throw new IllegalStateException("search " + q + " answered " + r.statusCode() + ": " + r.body());
                }
                index[slot] = Long.parseLong(took.group(1)) * 1_000_000;
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    private static HttpRequest.Builder request(String uri, String login) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)));
    }

    private static double pct(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        int i = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }
}
