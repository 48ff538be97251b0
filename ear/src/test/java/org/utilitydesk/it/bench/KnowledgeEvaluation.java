package org.utilitydesk.it.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Search quality over the labelled queries ({@code knowledge/evaluation-queries.tsv}) and the starter
 * articles: MRR@10 and recall@10 of our search (through the running application's API, as an agent sees
 * it) against the database's built-in FULLTEXT search on the same published articles, with the ngram
 * parser, and with the default parser.
 *
 * <p>With a MySQL server the ngram baseline is {@code FULLTEXT … WITH PARSER ngram} itself. MariaDB has no
 * ngram parser, so there its behaviour is reproduced: every token is cut into overlapping two-character
 * grams (ngram_token_size=2; a one-character token yields none), each gram is written as one indexable
 * word, and InnoDB's natural-language FULLTEXT search ranks them, as MySQL's ngram parser feeds them to
 * the same engine.
 * <pre>java … KnowledgeEvaluation [http port 8080] [jdbc url] [user:password agent02:agent123] [-v]</pre>
 */
public final class KnowledgeEvaluation {

    private static final Pattern HIT_CODE = Pattern.compile("\"code\":\"(K[A-Z0-9]+)\"");

    record Labelled(String query, Set<String> relevant) {
    }

    record Score(String system, double mrr, double recall, int missed) {
    }

    private KnowledgeEvaluation() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        String jdbc = args.length > 1 ? args[1] : "jdbc:mysql://127.0.0.1:3307/utilitydesk";
        String login = args.length > 2 ? args[2] : "agent02:agent123";
        boolean verbose = List.of(args).contains("-v");
        List<Labelled> queries = load();
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8));

        List<Score> scores = new ArrayList<>();
        scores.add(score("ours (Hibernate Search, smartcn + grams + synonyms)", queries, verbose, q -> {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/utilitydesk/api/knowledge/search?limit=10&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                        .header("Authorization", auth).header("Accept-Language", "zh-CN").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("search answered " + r.statusCode() + ": " + r.body());
                }
                List<String> codes = new ArrayList<>();
                Matcher m = HIT_CODE.matcher(r.body());
                while (m.find() && codes.size() < 10) {
                    codes.add(m.group(1));
                }
                return codes;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));

        try (Connection db = DriverManager.getConnection(jdbc, "utilitydesk", "utilitydesk")) {
            boolean mysql = !version(db).toLowerCase(Locale.ROOT).contains("mariadb");
            List<String[]> articles = publishedArticles(db);
            try (Statement st = db.createStatement()) {
                st.executeUpdate("DROP TABLE IF EXISTS kb_eval_ngram");
                st.executeUpdate("DROP TABLE IF EXISTS kb_eval_plain");
                st.executeUpdate("CREATE TABLE kb_eval_ngram (code VARCHAR(16) NOT NULL, body MEDIUMTEXT NOT NULL, "
                        + (mysql ? "FULLTEXT KEY ft (body) WITH PARSER ngram" : "FULLTEXT KEY ft (body)")
                        + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
                st.executeUpdate("CREATE TABLE kb_eval_plain (code VARCHAR(16) NOT NULL, body MEDIUMTEXT NOT NULL, "
                        + "FULLTEXT KEY ft (body)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
            }
            try (PreparedStatement ngram = db.prepareStatement("INSERT INTO kb_eval_ngram (code, body) VALUES (?, ?)");
                 PreparedStatement plain = db.prepareStatement("INSERT INTO kb_eval_plain (code, body) VALUES (?, ?)")) {
                for (String[] a : articles) {
                    ngram.setString(1, a[0]);
                    ngram.setString(2, mysql ? a[1] : grams(a[1]));
                    ngram.addBatch();
                    plain.setString(1, a[0]);
                    plain.setString(2, a[1]);
                    plain.addBatch();
                }
                ngram.executeBatch();
                plain.executeBatch();
            }
            try (Statement st = db.createStatement()) {
                st.executeUpdate("OPTIMIZE TABLE kb_eval_ngram");
            } catch (Exception ignored) {
                // only helps InnoDB's FULLTEXT statistics; the search works without it
            }
            scores.add(score((mysql ? "MySQL FULLTEXT WITH PARSER ngram" : "FULLTEXT, ngram parser (reproduced on MariaDB)"),
                    queries, verbose, q -> fulltext(db, "kb_eval_ngram", mysql ? q : grams(q))));
            scores.add(score("FULLTEXT, default parser", queries, verbose, q -> fulltext(db, "kb_eval_plain", q)));
            try (Statement st = db.createStatement()) {
                st.executeUpdate("DROP TABLE kb_eval_ngram");
                st.executeUpdate("DROP TABLE kb_eval_plain");
            }
            System.out.printf("%d labelled queries, %d published articles, database %s%n", queries.size(), articles.size(), version(db));
        }
        System.out.printf("%-52s %8s %10s %8s%n", "system", "MRR@10", "recall@10", "missed");
        for (Score s : scores) {
            System.out.printf("%-52s %8.3f %10.3f %8d%n", s.system(), s.mrr(), s.recall(), s.missed());
        }
        Score ours = scores.get(0);
        boolean wins = scores.stream().skip(1).allMatch(s -> ours.mrr() > s.mrr() && ours.recall() > s.recall());
        System.out.println(wins ? "ours wins on both measures" : "ours does NOT win on both measures");
        System.exit(wins ? 0 : 1);
    }

    static Score score(String system, List<Labelled> queries, boolean verbose, Function<String, List<String>> search) {
        double mrr = 0;
        double recall = 0;
        int missed = 0;
        for (Labelled l : queries) {
            List<String> top = search.apply(l.query());
            int rank = 0;
            int found = 0;
            for (int i = 0; i < top.size() && i < 10; i++) {
                if (l.relevant().contains(top.get(i))) {
                    found++;
                    if (rank == 0) {
                        rank = i + 1;
                    }
                }
            }
            mrr += rank == 0 ? 0 : 1.0 / rank;
            recall += (double) found / l.relevant().size();
            if (rank == 0) {
                missed++;
            }
            if (verbose) {
                System.out.printf("  [%s] %-14s rank %2d, %d/%d relevant  %s%n", system.substring(0, Math.min(12, system.length())),
                        l.query(), rank, found, l.relevant().size(), top);
            }
        }
        return new Score(system, mrr / queries.size(), recall / queries.size(), missed);
    }

    private static List<String> fulltext(Connection db, String table, String query) {
        List<String> codes = new ArrayList<>();
        if (query.isBlank()) {
            return codes;
        }
        try (PreparedStatement ps = db.prepareStatement("SELECT code FROM " + table
                + " WHERE MATCH(body) AGAINST(? IN NATURAL LANGUAGE MODE) ORDER BY MATCH(body) AGAINST(? IN NATURAL LANGUAGE MODE) DESC LIMIT 10")) {
            ps.setString(1, query);
            ps.setString(2, query);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return codes;
    }

    /**
     * MySQL's ngram parser with ngram_token_size=2: tokens split at anything not a letter or digit, each cut
     * into overlapping pairs (a one-character token gives none); each pair written as one word MariaDB's
     * parser keeps whole (g + the characters' code points in hex).
     */
    static String grams(String text) {
        StringBuilder out = new StringBuilder();
        for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            int[] cps = token.codePoints().toArray();
            for (int i = 0; i + 1 < cps.length; i++) {
                out.append('g').append(String.format("%05x%05x", cps[i], cps[i + 1])).append(' ');
            }
        }
        return out.toString();
    }

    private static String version(Connection db) throws Exception {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT VERSION()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String[]> publishedArticles(Connection db) throws Exception {
        List<String[]> articles = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT a.code, CONCAT_WS(' ', v.title, v.question, v.answer, v.fault_cause, v.solution, REPLACE(v.tags, ',', ' ')) "
                        + "FROM kb_article a JOIN kb_article_version v ON v.article_id = a.id AND v.version_no = a.current_version "
                        + "WHERE a.state = 'PUBLISHED'")) {
            while (rs.next()) {
                articles.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return articles;
    }

    private static List<Labelled> load() throws Exception {
        List<Labelled> queries = new ArrayList<>();
        try (InputStream in = KnowledgeEvaluation.class.getResourceAsStream("/knowledge/evaluation-queries.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                queries.add(new Labelled(parts[0].strip(), Set.of(parts[1].strip().split(","))));
            }
        }
        return queries;
    }
}
