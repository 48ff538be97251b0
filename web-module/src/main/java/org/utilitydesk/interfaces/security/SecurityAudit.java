package org.utilitydesk.interfaces.security;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The security audit ({@code security_event}): login holds entered and lifted. Written in its own statement outside
 * any transaction; when the database is away the event goes to the server log instead, and the login goes on.
 */
@ApplicationScoped
public class SecurityAudit {

    private static final Logger LOG = Logger.getLogger(SecurityAudit.class.getName());

    public enum Kind { BACKOFF, LOCKED, UNLOCKED }

    public record Event(Instant at, Kind kind, LoginThrottle.SubjectType type, String subject, int failures,
                        Instant until, String actor) {
    }

    @Resource(lookup = "jdbc/utilitydesk")
    private DataSource database;

    public void record(Kind kind, LoginThrottle.SubjectType type, String subject, int failures, Instant until, String actor) {
        try (Connection c = database.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO security_event (occurred_at, kind, subject_type, subject, failures, until_at, actor)"
                        + " VALUES (?,?,?,?,?,?,?)")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setString(2, kind.name());
            ps.setString(3, type.name());
            ps.setString(4, subject.length() > 64 ? subject.substring(0, 64) : subject);
            ps.setInt(5, failures);
            ps.setTimestamp(6, until == null ? null : Timestamp.from(until));
            ps.setString(7, actor);
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "security event not stored (" + kind + " " + type + " " + subject + ")", e);
        }
    }

    /** The latest events, newest first. */
    public List<Event> recent(int limit) {
        List<Event> events = new ArrayList<>();
        try (Connection c = database.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT occurred_at, kind, subject_type, subject, failures, until_at, actor FROM security_event"
                        + " ORDER BY occurred_at DESC, id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp until = rs.getTimestamp(6);
                    events.add(new Event(rs.getTimestamp(1).toInstant(), Kind.valueOf(rs.getString(2)),
                            LoginThrottle.SubjectType.valueOf(rs.getString(3)), rs.getString(4), rs.getInt(5),
                            until == null ? null : until.toInstant(), rs.getString(7)));
                }
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "cannot read the security events", e);
        }
        return events;
    }
}
