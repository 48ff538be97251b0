package org.utilitydesk.batch.statistics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.utilitydesk.batch.control.JobDates;
import org.utilitydesk.batch.control.Jdbc;

/**
 * Computes a day's figures for a range of its hours, in the caller's transaction: the range's old rows go and
 * the new ones come. The day's calls are read once, grouped by hour, queue and agent (a few thousand groups
 * however many calls), and added up here into the center, queue, skill and agent rows; work orders and survey
 * answers are grouped by hour and type into the center and service-type rows. {@link #replaceDayTotals} then
 * sums the hours into the whole-day rows (hour -1).
 *
 * <p>Definitions: a call is <em>offered</em> in the hour it joined a queue; <em>answered</em> once an agent
 * picked up, within the service level if that took at most the queue's service-level seconds;
 * <em>abandoned</em> if the caller hung up waiting. Wait is queue to pick-up; handle time is pick-up to the
 * end of wrap-up (or of the call). A call is <em>resolved at first contact</em> when it was answered and the
 * same number did not call again within 24 hours. An order is <em>breached</em> in the hour its SLA fell due
 * if it was not resolved by then.
 */
final class DayFigures {

    static final ZoneId ZONE = JobDates.ZONE;
    static final String CENTER = "CENTER";

    private final Connection connection;
    private final LocalDate day;
    private final int offsetSeconds;
    private final Timestamp now;

    DayFigures(Connection connection, LocalDate day, Instant now) {
        this.connection = connection;
        this.day = day;
        this.offsetSeconds = ZONE.getRules().getOffset(day.atStartOfDay(ZONE).toInstant()).getTotalSeconds();
        this.now = Jdbc.utc(now);
    }

    private Timestamp hourStart(int hour) {
        return Jdbc.utc(day.atStartOfDay(ZONE).plusHours(hour).toInstant());
    }

    /**
     * Replaces the rows of hours {@code fromHour} to {@code toHour} (inclusive) of every dimension; returns
     * how many rows it wrote.
     */
    int replaceHours(int fromHour, int toHour) throws SQLException {
        readCommitted();
        update("DELETE FROM daily_statistic WHERE stat_date = ? AND stat_hour BETWEEN ? AND ?", day(), fromHour, toHour);
        Timestamp from = hourStart(fromHour);
        Timestamp to = hourStart(toHour + 1);
        Map<Figures.Key, Figures> rows = new LinkedHashMap<>();
        addCalls(rows, from, to);
        addOrders(rows, "w.created_at", from, to, (f, n) -> f.ordersOpened += n, "1 = 1");
        addOrders(rows, "w.closed_at", from, to, (f, n) -> f.ordersClosed += n, "1 = 1");
        addOrders(rows, "w.sla_due_at", from, to, (f, n) -> f.ordersBreached += n,
                "(w.resolved_at IS NULL OR w.resolved_at > w.sla_due_at) AND w.state <> 'CANCELLED'");
        addSurveys(rows, from, to);
        insert(rows);
        return rows.size();
    }

    /** Replaces the whole-day rows (hour -1) by the sums of the hour rows; returns how many it wrote. */
    int replaceDayTotals() throws SQLException {
        readCommitted();
        update("DELETE FROM daily_statistic WHERE stat_date = ? AND stat_hour = -1", day());
        return update("INSERT INTO daily_statistic (stat_date, stat_hour, dimension, dimension_key, calls_offered,"
                + " calls_answered, calls_abandoned, answered_within_sl, total_wait_seconds, total_handle_seconds,"
                + " first_contact_resolved, orders_opened, orders_closed, orders_breached, csat_responses, csat_score_sum,"
                + " computed_at)"
                + " SELECT stat_date, -1, dimension, dimension_key, SUM(calls_offered), SUM(calls_answered),"
                + " SUM(calls_abandoned), SUM(answered_within_sl), SUM(total_wait_seconds), SUM(total_handle_seconds),"
                + " SUM(first_contact_resolved), SUM(orders_opened), SUM(orders_closed), SUM(orders_breached),"
                + " SUM(csat_responses), SUM(csat_score_sum), ?"
                + " FROM daily_statistic WHERE stat_date = ? AND stat_hour >= 0"
                + " GROUP BY stat_date, dimension, dimension_key", now, day());
    }

    /**
     * Read committed: the reads of calls and orders take no locks (under repeatable read an INSERT ... SELECT
     * would hold shared locks on the day's call records, blocking agents' wrap-ups), and two hour ranges
     * computed at once do not lock each other's rows. Applies to the transaction about to start, which this
     * statement does not start.
     */
    private void readCommitted() throws SQLException {
        update("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
    }

    private void addCalls(Map<Figures.Key, Figures> rows, Timestamp from, Timestamp to) throws SQLException {
        String answered = "c.agent_answered_at IS NOT NULL";
        String sql = "SELECT HOUR(TIMESTAMPADD(SECOND, ?, c.queued_at)), q.code, s.code, u.username, COUNT(*),"
                + " SUM(" + answered + "),"
                + " SUM(c.agent_answered_at IS NULL AND c.outcome = 'ABANDONED'),"
                + " SUM(" + answered + " AND TIMESTAMPDIFF(MICROSECOND, c.queued_at, c.agent_answered_at)"
                + "     <= COALESCE(q.service_level_seconds, 20) * 1000000),"
                + " COALESCE(SUM(CASE WHEN " + answered + " THEN TIMESTAMPDIFF(SECOND, c.queued_at, c.agent_answered_at) END), 0),"
                + " COALESCE(SUM(CASE WHEN " + answered + " THEN TIMESTAMPDIFF(SECOND, c.agent_answered_at,"
                + "     COALESCE(c.wrapped_up_at, c.ended_at, c.agent_answered_at)) END), 0),"
                + " SUM(" + answered + " AND c.caller_number IS NOT NULL AND NOT EXISTS (SELECT 1 FROM call_record r"
                + "     WHERE r.caller_number = c.caller_number AND r.direction = 'INBOUND' AND r.started_at > c.started_at"
                + "     AND r.started_at <= TIMESTAMPADD(HOUR, 24, c.started_at)))"
                + " FROM call_record c LEFT JOIN call_queue q ON q.id = c.queue_id LEFT JOIN skill s ON s.id = q.skill_id"
                + " LEFT JOIN agent a ON a.id = c.agent_id LEFT JOIN app_user u ON u.id = a.user_id"
                // started_at bounds let the index narrow the scan; a call is queued within the hour it started
                + " WHERE c.direction = 'INBOUND' AND c.started_at >= TIMESTAMPADD(HOUR, -1, ?) AND c.started_at < ?"
                + " AND c.queued_at >= ? AND c.queued_at < ?"
                + " GROUP BY 1, c.queue_id, c.agent_id";
        try (PreparedStatement ps = bind(sql, offsetSeconds, from, to, from, to); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int hour = rs.getInt(1);
                Figures calls = new Figures();
                calls.offered = rs.getLong(5);
                calls.answered = rs.getLong(6);
                calls.abandoned = rs.getLong(7);
                calls.withinSl = rs.getLong(8);
                calls.waitSeconds = rs.getLong(9);
                calls.handleSeconds = rs.getLong(10);
                calls.firstContactResolved = rs.getLong(11);
                row(rows, hour, CENTER, "ALL").addCalls(calls);
                if (rs.getString(2) != null) {
                    row(rows, hour, "QUEUE", rs.getString(2)).addCalls(calls);
                    row(rows, hour, "SKILL", rs.getString(3)).addCalls(calls);
                }
                if (rs.getString(4) != null) {
                    row(rows, hour, "AGENT", rs.getString(4)).addCalls(calls);
                }
            }
        }
    }

    @FunctionalInterface
    private interface Count {
        void add(Figures figures, long n);
    }

    /** Orders whose {@code instant} falls in the range (and pass {@code condition}), by hour and type. */
    private void addOrders(Map<Figures.Key, Figures> rows, String instant, Timestamp from, Timestamp to, Count count,
                           String condition) throws SQLException {
        String sql = "SELECT HOUR(TIMESTAMPADD(SECOND, ?, " + instant + ")), w.order_type, COUNT(*) FROM work_order w"
                + " WHERE " + instant + " >= ? AND " + instant + " < ? AND " + condition + " GROUP BY 1, 2";
        try (PreparedStatement ps = bind(sql, offsetSeconds, from, to); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                count.add(row(rows, rs.getInt(1), CENTER, "ALL"), rs.getLong(3));
                count.add(row(rows, rs.getInt(1), "SERVICE_TYPE", rs.getString(2)), rs.getLong(3));
            }
        }
    }

    private void addSurveys(Map<Figures.Key, Figures> rows, Timestamp from, Timestamp to) throws SQLException {
        String sql = "SELECT HOUR(TIMESTAMPADD(SECOND, ?, v.answered_at)), w.order_type, COUNT(*), SUM(v.score)"
                + " FROM survey v JOIN work_order w ON w.id = v.work_order_id"
                + " WHERE v.answered_at >= ? AND v.answered_at < ? AND v.score IS NOT NULL GROUP BY 1, 2";
        try (PreparedStatement ps = bind(sql, offsetSeconds, from, to); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                for (Figures f : new Figures[] {row(rows, rs.getInt(1), CENTER, "ALL"),
                    row(rows, rs.getInt(1), "SERVICE_TYPE", rs.getString(2))}) {
                    f.csatResponses += rs.getLong(3);
                    f.csatScoreSum += rs.getLong(4);
                }
            }
        }
    }

    private static Figures row(Map<Figures.Key, Figures> rows, int hour, String dimension, String key) {
        return rows.computeIfAbsent(new Figures.Key(hour, dimension, key), k -> new Figures());
    }

    private void insert(Map<Figures.Key, Figures> rows) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO daily_statistic (stat_date, stat_hour, dimension,"
                + " dimension_key, calls_offered, calls_answered, calls_abandoned, answered_within_sl, total_wait_seconds,"
                + " total_handle_seconds, first_contact_resolved, orders_opened, orders_closed, orders_breached,"
                + " csat_responses, csat_score_sum, computed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (Map.Entry<Figures.Key, Figures> e : rows.entrySet()) {
                Figures f = e.getValue();
                Object[] values = {day(), e.getKey().hour(), e.getKey().dimension(), e.getKey().key(), f.offered, f.answered,
                    f.abandoned, f.withinSl, f.waitSeconds, f.handleSeconds, f.firstContactResolved, f.ordersOpened,
                    f.ordersClosed, f.ordersBreached, f.csatResponses, f.csatScoreSum, now};
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private java.sql.Date day() {
        return java.sql.Date.valueOf(day);
    }

    private PreparedStatement bind(String sql, Object... parameters) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            ps.setObject(i + 1, parameters[i]);
        }
        return ps;
    }

    private int update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = bind(sql, parameters)) {
            return ps.executeUpdate();
        }
    }
}
