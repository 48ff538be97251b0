package org.utilitydesk.batch.reminders;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.utilitydesk.batch.control.Jdbc;

/**
 * The reminder job's SQL: policies, quiet periods, candidate bills a page at a time, and the reminder rows
 * written in the chunk's transaction. A bill is only reminded while it is still unpaid at the moment its
 * row is written and has none in the window yet; should two runs race, the unique (bill, window) key
 * refuses the second row and its chunk is retried, finding the first.
 */
@Stateless
public class ReminderLedger {

    private static final String UNPAID = "b.status IN ('ISSUED', 'PARTIALLY_PAID', 'OVERDUE') AND b.amount_paid < b.amount_total";

    @Resource(lookup = "jdbc/utilitydesk")
    private DataSource dataSource;

    public List<ReminderPolicy> policies() {
        return query("SELECT id, name, days_after_due_from, days_after_due_to, hour_from, hour_to, max_per_bill, channels"
                + " FROM reminder_policy WHERE active ORDER BY id", rs -> new ReminderPolicy(rs.getLong(1), rs.getString(2),
                rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), channels(rs.getString(8))));
    }

    private static List<ReminderChannel> channels(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> ReminderChannel.valueOf(s.toUpperCase(Locale.ROOT))).toList();
    }

    public List<QuietPeriod> quietPeriods() {
        return query("SELECT name, starts_at, ends_at FROM reminder_quiet_period ORDER BY id",
                rs -> new QuietPeriod(rs.getString(1), rs.getTime(2).toLocalTime(), rs.getTime(3).toLocalTime()));
    }

    public long maxBillId() {
        return query("SELECT COALESCE(MAX(id), 0) FROM bill", rs -> rs.getLong(1)).get(0);
    }

    /**
     * Unpaid bills due between {@code oldestDue} and {@code newestDue} with ids in ({@code afterId}, {@code
     * untilId}], ascending, at most {@code limit}. Walking the ids in fixed ranges keeps each page on the
     * primary key however few bills in the range are unpaid.
     */
    public List<ReminderCandidate> candidates(LocalDate oldestDue, LocalDate newestDue, long afterId, long untilId, int limit) {
        return query("SELECT b.id, b.period, a.id, a.account_number, c.id, b.due_date, b.amount_total - b.amount_paid,"
                        + " c.mobile_phone, c.email, c.preferred_language, c.do_not_disturb,"
                        + " (SELECT GROUP_CONCAT(r.window_key) FROM payment_reminder r WHERE r.bill_id = b.id)"
                        + " FROM bill b JOIN account a ON a.id = b.account_id JOIN customer c ON c.id = a.customer_id"
                        + " WHERE b.id > ? AND b.id <= ? AND b.due_date BETWEEN ? AND ? AND " + UNPAID
                        + " ORDER BY b.id LIMIT ?",
                rs -> new ReminderCandidate(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
                        rs.getDate(6).toLocalDate(), rs.getBigDecimal(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getBoolean(11), sentByPolicy(rs.getString(12)), windows(rs.getString(12))),
                afterId, untilId, java.sql.Date.valueOf(oldestDue), java.sql.Date.valueOf(newestDue), limit);
    }

    /** Reminders per policy, from the bill's window keys ("P2-20261124,P2-20261201"). */
    private static Map<Long, Integer> sentByPolicy(String windowKeys) {
        Map<Long, Integer> sent = new HashMap<>();
        for (String window : windows(windowKeys)) {
            sent.merge(Long.parseLong(window.substring(1, window.indexOf('-'))), 1, Integer::sum);
        }
        return sent;
    }

    private static Set<String> windows(String windowKeys) {
        return windowKeys == null ? Set.of() : new java.util.HashSet<>(java.util.Arrays.asList(windowKeys.split(",")));
    }

    /**
     * Writes the reminder row if the bill is still unpaid and has none in this window; returns whether it
     * was written (only then may the reminder be sent).
     */
    public boolean record(Reminder reminder, String status, String outcome, long executionId, Instant now) {
        return update("INSERT INTO payment_reminder (bill_id, policy_id, customer_id, amount_due, window_key, attempt_no,"
                        + " channel, recipient, delivery_key, status, outcome, created_at, sent_at, job_execution_id)"
                        + " SELECT b.id, ?, ?, b.amount_total - b.amount_paid, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                        + " FROM bill b WHERE b.id = ? AND " + UNPAID
                        + " AND NOT EXISTS (SELECT 1 FROM payment_reminder r WHERE r.bill_id = b.id AND r.window_key = ?)",
                reminder.policy().id(), reminder.bill().customerId(), reminder.windowKey(), reminder.attemptNo(),
                reminder.reachable() ? reminder.channel().name() : "NONE", reminder.recipient(), reminder.deliveryKey(),
                status, outcome, utc(now), "SENT".equals(status) ? utc(now) : null, executionId,
                reminder.bill().billId(), reminder.windowKey()) == 1;
    }

    /** A reminder call not yet placed. */
    public record PendingCall(long id, long billId, long accountId, String number, String deliveryKey) {
    }

    /** Reminder calls written but not yet placed, created since {@code since}, ids after {@code afterId}. */
    public List<PendingCall> pendingCalls(Instant since, long afterId, int limit) {
        return query("SELECT r.id, r.bill_id, b.account_id, r.recipient, r.delivery_key FROM payment_reminder r"
                        + " JOIN bill b ON b.id = r.bill_id"
                        + " WHERE r.status = 'PENDING' AND r.channel = 'IVR_CALL' AND r.created_at >= ? AND r.id > ?"
                        + " ORDER BY r.id LIMIT ?",
                rs -> new PendingCall(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5)),
                utc(since), afterId, limit);
    }

    /** The call was handed to the telephone system (or refused by it: {@code failed}). */
    public void placed(long reminderId, boolean failed, String outcome, Instant now) {
        update("UPDATE payment_reminder SET status = ?, outcome = ?, sent_at = ? WHERE id = ? AND status = 'PENDING'",
                failed ? "FAILED" : "SENT", outcome == null ? null : outcome.length() > 255 ? outcome.substring(0, 255) : outcome,
                utc(now), reminderId);
    }

    private <T> List<T> query(String sql, Jdbc.Row<T> row, Object... parameters) {
        return Jdbc.query(dataSource, sql, row, parameters);
    }

    private int update(String sql, Object... parameters) {
        return Jdbc.update(dataSource, sql, parameters);
    }

    private static Timestamp utc(Instant instant) {
        return Jdbc.utc(instant);
    }
}
