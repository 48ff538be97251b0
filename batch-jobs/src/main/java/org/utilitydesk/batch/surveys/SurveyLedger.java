package org.utilitydesk.batch.surveys;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.utilitydesk.batch.control.Jdbc;

/**
 * The survey job's SQL: the policy, closed orders without a survey a page at a time, and the survey rows,
 * written in the chunk's transaction; the unique work-order key of the survey table is the last word on
 * "at most once per order".
 */
@Stateless
public class SurveyLedger {

    @Resource(lookup = "jdbc/utilitydesk")
    private DataSource dataSource;

    public Optional<SurveyPolicy> policy() {
        List<SurveyPolicy> policies = query("SELECT random_percent, always_types, method FROM survey_policy WHERE active ORDER BY id LIMIT 1",
                rs -> new SurveyPolicy(rs.getInt(1), new HashSet<>(Arrays.stream(rs.getString(2).split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList()), rs.getString(3)));
        return policies.stream().findFirst();
    }

    /** Orders closed in [{@code from}, {@code to}) with no survey, ids after {@code afterId}, ascending. */
    public List<SurveyPolicy.ClosedOrder> closedOrders(Instant from, Instant to, long afterId, int limit) {
        return query("SELECT w.id, w.order_no, w.order_type, w.contact_phone FROM work_order w"
                        + " WHERE w.state = 'CLOSED' AND w.closed_at >= ? AND w.closed_at < ? AND w.id > ?"
                        + " AND NOT EXISTS (SELECT 1 FROM survey v WHERE v.work_order_id = w.id) ORDER BY w.id LIMIT ?",
                rs -> new SurveyPolicy.ClosedOrder(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                utc(from), utc(to), afterId, limit);
    }

    /** Writes the survey unless the order has one; returns whether it was written. */
    public boolean record(SurveyPolicy.Sample sample, long executionId, Instant now) {
        return update("INSERT INTO survey (work_order_id, method, sample_reason, status, sampled_at, job_execution_id)"
                        + " SELECT w.id, ?, ?, 'PENDING', ?, ? FROM work_order w WHERE w.id = ?"
                        + " AND NOT EXISTS (SELECT 1 FROM survey v WHERE v.work_order_id = w.id)",
                sample.method(), sample.reason(), utc(now), executionId, sample.workOrderId()) == 1;
    }

    /** A survey call not yet placed. */
    public record PendingCall(long surveyId, String number, Long accountId) {
    }

    public List<PendingCall> pendingCalls(Instant since, long afterId, int limit) {
        return query("SELECT v.id, w.contact_phone, w.account_id FROM survey v JOIN work_order w ON w.id = v.work_order_id"
                        + " WHERE v.status = 'PENDING' AND v.method = 'IVR_CALL' AND v.sampled_at >= ? AND v.id > ?"
                        + " ORDER BY v.id LIMIT ?",
                rs -> new PendingCall(rs.getLong(1), rs.getString(2), rs.getObject(3) == null ? null : rs.getLong(3)),
                utc(since), afterId, limit);
    }

    /** The call is placed (IN_PROGRESS), or the telephone system refused it: an agent makes the survey instead. */
    public void placed(long surveyId, boolean failed, String outcome) {
        update(failed ? "UPDATE survey SET method = 'AGENT_TASK', outcome = ? WHERE id = ? AND status = 'PENDING'"
                        : "UPDATE survey SET status = 'IN_PROGRESS', outcome = ? WHERE id = ? AND status = 'PENDING'",
                outcome == null ? null : outcome.length() > 64 ? outcome.substring(0, 64) : outcome, surveyId);
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
