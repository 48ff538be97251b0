package org.utilitydesk.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Command-line entry point used by the start scripts and by people running benchmarks:
 * <pre>
 *   migrate            apply the migrations
 *   seed               migrate, then load the demo set (staff, outages, 1,000 customers, two weeks of calls)
 *                      unless customers exist
 *   generate N         migrate, then append N generated customers and print the insert rate
 *   generate-calls N DAY   append N generated inbound calls on DAY (YYYY-MM-DD) for the statistics
 *   add-user NAME ROLES [CREW]   create or reset a login (roles comma separated: AGENT,SUPERVISOR,ADMIN,EDITOR,CREW;
 *                      a CREW login names its crew's department code, e.g. CREW-SC); the password is read from
 *                      the console, or from UD_NEW_PASSWORD when there is none
 * </pre>
 * The database comes from {@code -Ddb.url}, {@code -Ddb.user} and {@code -Ddb.password-file} (a file holding the
 * password, so that it is not on a command line every local user can list) or {@code -Ddb.password}.
 */
public final class SqlTool {

    /** Seed of the demo set: the same seed gives the same customers, phones and account numbers. */
    static final long DEMO_SEED = 95598L;
    static final int DEMO_CUSTOMERS = 1_000;
    /** Call history of the demo, so the reports have something to show: two weeks of a small center. */
    static final int DEMO_CALL_DAYS = 14;
    static final int DEMO_CALLS_PER_DAY = 1_500;

    private SqlTool() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        } catch (SQLException e) {
            System.err.println("database error: " + e.getMessage() + " (is the database running and reachable?)");
            System.exit(1);
        }
    }

    private static String password() throws java.io.IOException {
        String file = System.getProperty("db.password-file");
        if (file != null) {
            return java.nio.file.Files.readString(java.nio.file.Path.of(file)).strip();
        }
        String password = System.getProperty("db.password");
        if (password == null) {
            throw new IllegalArgumentException("no database password: give -Ddb.password-file=FILE");
        }
        return password;
    }

    private static void run(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            return;
        }
        String url = System.getProperty("db.url", "jdbc:mysql://127.0.0.1:3307/utilitydesk");
        String user = System.getProperty("db.user", "utilitydesk");
        String password = password();
        String bulkUrl = url + (url.contains("?") ? "&" : "?")
                + "rewriteBatchedStatements=true&useServerPrepStmts=false&cachePrepStmts=true&characterEncoding=UTF-8";
        SchemaMigrator.migrate(new DriverManagerDataSource(bulkUrl, user, password));
        switch (args[0].toLowerCase(Locale.ROOT)) {
            case "migrate" -> { }
            case "seed" -> seed(bulkUrl, user, password);
            case "add-user" -> {
                if (args.length < 3) {
                    usage();
                    System.exit(2);
                }
                addUser(bulkUrl, user, password, args[1], args[2], args.length > 3 ? args[3] : null);
            }
            case "generate" -> {
                if (args.length < 2 || !args[1].matches("\\d{1,8}")) {
                    usage();
                    System.exit(2);
                }
                generate(bulkUrl, user, password, Integer.parseInt(args[1]));
            }
            case "generate-calls" -> {
                if (args.length < 3 || !args[1].matches("\\d{1,8}") || !args[2].matches("\\d{4}-\\d{2}-\\d{2}")) {
                    usage();
                    System.exit(2);
                }
                generateCalls(bulkUrl, user, password, Integer.parseInt(args[1]), java.time.LocalDate.parse(args[2]));
            }
            default -> {
                usage();
                System.exit(2);
            }
        }
    }

    private static void generateCalls(String url, String user, String password, int calls, java.time.LocalDate day)
            throws SQLException {
        try (Connection c = bulkConnection(url, user, password)) {
            DemoDataGenerator generator = new DemoDataGenerator(c, () -> bulkConnection(url, user, password),
                    Integer.getInteger("writers", 2), Clock.systemUTC(), System.nanoTime());
            long start = System.nanoTime();
            generator.generateCalls(calls, day);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "generated calls=%d day=%s seconds=%.2f rows_per_second=%.0f%n",
                    calls, day, seconds, calls / seconds);
        }
    }

    private static void seed(String url, String user, String password) throws SQLException {
        try (Connection c = bulkConnection(url, user, password)) {
            DemoDataGenerator generator = new DemoDataGenerator(c, () -> bulkConnection(url, user, password), 1,
                    Clock.systemUTC(), DEMO_SEED);
            if (!generator.isEmpty()) {
                System.out.println("Demo data already present; nothing to seed.");
                return;
            }
            long start = System.nanoTime();
            generator.seedStaff();
            generator.seedOutages();
            generator.generateCustomers(DEMO_CUSTOMERS);
            c.commit();
            LocalDate today = LocalDate.now(DemoDataGenerator.ZONE);
            for (int days = DEMO_CALL_DAYS; days >= 1; days--) {
                generator.generateCalls(DEMO_CALLS_PER_DAY, today.minusDays(days));
            }
            System.out.printf(Locale.ROOT, "Seeded demo data: %,d rows in %.1f s%n", generator.rowsWritten(),
                    (System.nanoTime() - start) / 1e9);
        }
    }

    private static void generate(String url, String user, String password, int customers) throws SQLException {
        try (Connection c = bulkConnection(url, user, password)) {
            DemoDataGenerator generator = new DemoDataGenerator(c, () -> bulkConnection(url, user, password),
                    Integer.getInteger("writers", 2), Clock.systemUTC(), System.nanoTime());
            long start = System.nanoTime();
            generator.generateCustomers(customers);
            c.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "generated customers=%d rows=%d seconds=%.2f rows_per_second=%.0f%n",
                    customers, generator.rowsWritten(), seconds, generator.rowsWritten() / seconds);
        }
    }

    private static final Set<String> ROLES = Set.of("AGENT", "SUPERVISOR", "ADMIN", "EDITOR", "CREW");

    private static void addUser(String url, String user, String password, String name, String roleList, String crew)
            throws SQLException {
        if (!name.matches("[A-Za-z0-9._-]{2,64}")) {
            throw new IllegalArgumentException("user names are 2-64 letters, digits, dots, dashes or underscores");
        }
        List<String> roles = Arrays.stream(roleList.toUpperCase(Locale.ROOT).split(","))
                .map(String::strip).filter(r -> !r.isEmpty()).toList();
        if (roles.isEmpty() || !ROLES.containsAll(roles)) {
            throw new IllegalArgumentException("roles must be among " + ROLES);
        }
        if (roles.contains("CREW") != (crew != null)) {
            throw new IllegalArgumentException("a CREW login, and only one, names its crew (a department code such as CREW-SC)");
        }
        char[] secret = System.console() != null ? System.console().readPassword("Password for %s: ", name)
                : Optional.ofNullable(System.getenv("UD_NEW_PASSWORD")).map(String::toCharArray).orElse(null);
        if (secret == null || secret.length < 8) {
            throw new IllegalArgumentException("a password of at least 8 characters is required");
        }
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            Users.save(c, name, PasswordHashing.TODAY.hash(secret), name, roles, crew);
            c.commit();
        } finally {
            Arrays.fill(secret, ' ');
        }
        System.out.println("user " + name + " can log in with roles " + roles);
    }

    private static Connection bulkConnection(String url, String user, String password) throws SQLException {
        Connection c = DriverManager.getConnection(url, user, password);
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            // Ids are assigned by the generator and always consistent; checking each row's parents is wasted work.
            st.execute("SET SESSION foreign_key_checks = 0");
        }
        return c;
    }

    private static void usage() {
        System.err.println("usage: SqlTool migrate | seed | generate <customers> | generate-calls <calls> <YYYY-MM-DD>"
                + " | add-user <name> <ROLE,ROLE> [crew department code]"
                + "   (-Ddb.url= -Ddb.user= -Ddb.password-file=)");
    }

    /** The smallest DataSource Flyway needs, over DriverManager. */
    private record DriverManagerDataSource(String url, String user, String password) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public Connection getConnection(String u, String p) throws SQLException {
            return DriverManager.getConnection(url, u, p);
        }

        @Override
        public java.io.PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public java.util.logging.Logger getParentLogger() {
            return java.util.logging.Logger.getLogger("org.utilitydesk.sql");
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
