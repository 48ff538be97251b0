package org.utilitydesk.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Tells a failure because the database is away from one because the request was wrong, and waits for the
 * database to come back. Checks run outside any transaction (the caller's has failed already).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseOutage {

    /**
     * MySQL / MariaDB errors that mean the server is going away rather than that the request was wrong: 1053
     * server shutdown in progress, 1927 connection killed (a shutdown kills running statements, SQL state 70100),
     * 2006 server gone away, 2013 connection lost during a query.
     */
    private static final Set<Integer> SERVER_GOING_AWAY = Set.of(1053, 1927, 2006, 2013);
    private static final Duration PROBE_EVERY = Duration.ofSeconds(2);

    @Resource(lookup = "jdbc/utilitydesk")
    private DataSource dataSource;

    /**
     * Whether {@code thrown} says the database could not be reached (connection refused or lost, the server
     * shutting down, or the pool could not open a connection) rather than that the work was wrong.
     */
    public static boolean isCause(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLRecoverableException || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                if (state.startsWith("08") || state.equals("70100") || SERVER_GOING_AWAY.contains(sql.getErrorCode())
                        || sql.getCause() instanceof jakarta.resource.ResourceException) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a pooled connection answers a round trip within two seconds now. */
    public boolean reachable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Waits until the database answers again, at most {@code patience}; true if it does. */
    public boolean awaitBack(Duration patience) {
        long until = System.nanoTime() + patience.toNanos();
        while (!reachable()) {
            if (System.nanoTime() > until) {
                return false;
            }
            try {
                Thread.sleep(PROBE_EVERY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
