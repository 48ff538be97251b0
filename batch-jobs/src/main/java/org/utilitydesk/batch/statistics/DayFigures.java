package org.utilitydesk.batch.statistics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Computes one day's figures of one dimension in set-based SQL, in the caller's transaction: the day's old
 * rows of that dimension go and the new ones come, so a re-run replaces the figures exactly and a report never
 * sees half a day. Hour rows are counted from the calls, orders and surveys; the whole-day row (hour -1)
 * is the sum of the hour rows, every figure being a count or a sum.
 *
 * <p>Definitions: a call is <em>offered</em> in the hour it joined a queue; <em>answered</em> once an agent
 * picked up, within the service level if that took at most the queue's service-level seconds;
 * <em>abandoned</em> if the caller hung up waiting. Wait is queue to pick-up; handle time is pick-up to the
 * end of wrap-up (or of the call). A call is <em>resolved at first contact</em> when it was answered and the
 * same number did not call again within 24 hours. An order is <em>breached</em> on the day its SLA fell due
 * if it was not resolved by then.
 */
final class DayFigures {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Connection connection;
    private final LocalDate day;
    private final Timestamp from;
    private final Timestamp to;
    private final int offsetSeconds;
    private final Timestamp now;

    DayFigures(Connection connection, LocalDate day, Instant now) {
        this.connection = connection;
        this.day = day;
        this.from = utc(day.atStartOfDay(ZONE).toInstant());
        this.to = utc(day.plusDays(1).atStartOfDay(ZONE).toInstant());
        this.offsetSeconds = ZONE.getRules().getOffset(day.atStartOfDay(ZONE).toInstant()).getTotalSeconds();
        this.now = utc(now);
    }

    /** DATETIME columns hold UTC; the pool's sessions run in UTC. */
    private static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /**
     * Replaces the day's rows of {@code dimension} inside the caller's transaction; returns how many rows
     * the dimension has for the day now.
     */
    int replace(Dimension dimension) throws SQLException {
        // Read committed: the INSERT ... SELECTs read the calls and orders without locking them (under repeatable
        // read they would hold shared locks on the day's call records, blocking agents' wrap-ups, and two
        // dimensions computed at once deadlock on each other's rows and the auto-increment lock). It applies to
        // the transaction about to start, which this statement does not start.
        update("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
        update("DELETE FROM daily_statistic WHERE stat_date = ? AND dimension = ?", day(), dimension.name());
        if (dimension.countsCalls) {
            calls(dimension);
        }
        if (dimension.countsOrders) {
            orders(dimension, "w.created_at", "orders_opened", "1");
            orders(dimension, "w.closed_at", "orders_closed", "1");
            orders(dimension, "w.sla_due_at", "orders_breached",
                    "(w.resolved_at IS NULL OR w.resolved_at > w.sla_due_at) AND w.state <> 'CANCELLED'");
            surveys(dimension);
        }
        wholeDay(dimension);
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT COUNT(*) FROM daily_statistic WHERE stat_date = ? AND dimension = ?")) {
            ps.setObject(1, day());
            ps.setString(2, dimension.name());
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private int calls(Dimension d) throws SQLException {
        String answered = "c.agent_answered_at IS NOT NULL";
        String sql = "INSERT INTO daily_statistic (stat_date, stat_hour, dimension, dimension_key, calls_offered,"
                + " calls_answered, calls_abandoned, answered_within_sl, total_wait_seconds, total_handle_seconds,"
                + " first_contact_resolved, computed_at)"
                + " SELECT ?, HOUR(TIMESTAMPADD(SECOND, ?, c.queued_at)), ?, " + d.key + ", COUNT(*),"
                + " SUM(" + answered + "),"
                + " SUM(c.agent_answered_at IS NULL AND c.outcome = 'ABANDONED'),"
                + " SUM(" + answered + " AND TIMESTAMPDIFF(MICROSECOND, c.queued_at, c.agent_answered_at)"
                + "     <= COALESCE(q.service_level_seconds, 20) * 1000000),"
                + " COALESCE(SUM(CASE WHEN " + answered + " THEN TIMESTAMPDIFF(SECOND, c.queued_at, c.agent_answered_at) END), 0),"
                + " COALESCE(SUM(CASE WHEN " + answered + " THEN TIMESTAMPDIFF(SECOND, c.agent_answered_at,"
                + "     COALESCE(c.wrapped_up_at, c.ended_at, c.agent_answered_at)) END), 0),"
                + " SUM(" + answered + " AND c.caller_number IS NOT NULL AND NOT EXISTS (SELECT 1 FROM call_record r"
                + "     WHERE r.caller_number = c.caller_number AND r.direction = 'INBOUND' AND r.started_at > c.started_at"
                + "     AND r.started_at <= TIMESTAMPADD(HOUR, 24, c.started_at))),"
                + " ?"
                + " FROM call_record c LEFT JOIN call_queue q ON q.id = c.queue_id" + d.callJoins
                // started_at bounds let the index narrow the scan; a call is queued within the hour it started
                + " WHERE c.direction = 'INBOUND' AND c.started_at >= TIMESTAMPADD(HOUR, -1, ?) AND c.started_at < ?"
                + " AND c.queued_at >= ? AND c.queued_at < ? AND " + d.key + " IS NOT NULL"
                + " GROUP BY 2, 4";
        return update(sql, day(), offsetSeconds, d.name(), now, from, to, from, to);
    }

    /** Counts orders whose {@code instant} falls in the day (and that pass {@code condition}) into {@code column}. */
    private int orders(Dimension d, String instant, String column, String condition) throws SQLException {
        String sql = "INSERT INTO daily_statistic (stat_date, stat_hour, dimension, dimension_key, " + column + ", computed_at)"
                + " SELECT ?, HOUR(TIMESTAMPADD(SECOND, ?, " + instant + ")), ?, " + d.orderKey() + ", COUNT(*), ?"
                + " FROM work_order w WHERE " + instant + " >= ? AND " + instant + " < ? AND " + condition
                + " GROUP BY 2, 4"
                + " ON DUPLICATE KEY UPDATE " + column + " = VALUES(" + column + ")";
        return update(sql, day(), offsetSeconds, d.name(), now, from, to);
    }

    private int surveys(Dimension d) throws SQLException {
        String sql = "INSERT INTO daily_statistic (stat_date, stat_hour, dimension, dimension_key, csat_responses,"
                + " csat_score_sum, computed_at)"
                + " SELECT ?, HOUR(TIMESTAMPADD(SECOND, ?, v.answered_at)), ?, " + d.orderKey() + ", COUNT(*), SUM(v.score), ?"
                + " FROM survey v JOIN work_order w ON w.id = v.work_order_id"
                + " WHERE v.answered_at >= ? AND v.answered_at < ? AND v.score IS NOT NULL"
                + " GROUP BY 2, 4"
                + " ON DUPLICATE KEY UPDATE csat_responses = VALUES(csat_responses), csat_score_sum = VALUES(csat_score_sum)";
        return update(sql, day(), offsetSeconds, d.name(), now, from, to);
    }

    private int wholeDay(Dimension d) throws SQLException {
        String sql = "INSERT INTO daily_statistic (stat_date, stat_hour, dimension, dimension_key, calls_offered,"
                + " calls_answered, calls_abandoned, answered_within_sl, total_wait_seconds, total_handle_seconds,"
                + " first_contact_resolved, orders_opened, orders_closed, orders_breached, csat_responses, csat_score_sum,"
                + " computed_at)"
                + " SELECT stat_date, -1, dimension, dimension_key, SUM(calls_offered), SUM(calls_answered),"
                + " SUM(calls_abandoned), SUM(answered_within_sl), SUM(total_wait_seconds), SUM(total_handle_seconds),"
                + " SUM(first_contact_resolved), SUM(orders_opened), SUM(orders_closed), SUM(orders_breached),"
                + " SUM(csat_responses), SUM(csat_score_sum), ?"
                + " FROM daily_statistic WHERE stat_date = ? AND dimension = ? AND stat_hour >= 0"
                + " GROUP BY stat_date, dimension, dimension_key";
        return update(sql, now, day(), d.name());
    }

    private java.sql.Date day() {
        return java.sql.Date.valueOf(day);
    }

    private int update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            return ps.executeUpdate();
        }
    }
}
