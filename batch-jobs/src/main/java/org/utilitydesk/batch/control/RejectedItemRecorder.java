package org.utilitydesk.batch.control;

import jakarta.annotation.Resource;
import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.batch.api.chunk.listener.SkipReadListener;
import jakarta.batch.api.chunk.listener.SkipWriteListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Writes every skipped item, with why, to batch_rejected_item so supervisors can inspect it. */
@Named
@Dependent
public class RejectedItemRecorder implements SkipReadListener, SkipProcessListener, SkipWriteListener {

    private static final Logger LOG = Logger.getLogger(RejectedItemRecorder.class.getName());

    @Resource(lookup = "jdbc/utilitydesk")
    private DataSource dataSource;

    @Inject
    private JobContext job;

    @Inject
    private StepContext step;

    @Override
    public void onSkipReadItem(Exception e) {
        record(keyOf(e, "?"), e);
    }

    @Override
    public void onSkipProcessItem(Object item, Exception e) {
        record(keyOf(e, String.valueOf(item)), e);
    }

    @Override
    public void onSkipWriteItem(List<Object> items, Exception e) {
        record(keyOf(e, items.size() + " items"), e);
    }

    private static String keyOf(Exception e, String fallback) {
        return e instanceof RejectedItemException r ? r.getItemKey() : fallback;
    }

    private void record(String key, Exception e) {
        String reason = String.valueOf(e.getMessage());
        LOG.warning(() -> job.getJobName() + "#" + job.getExecutionId() + " skipped " + key + ": " + reason);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO batch_rejected_item"
                     + " (job_name, job_execution_id, step_name, item_key, reason, recorded_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, job.getJobName());
            ps.setLong(2, job.getExecutionId());
            ps.setString(3, step.getStepName());
            ps.setString(4, key.length() > 64 ? key.substring(0, 64) : key);
            ps.setString(5, reason.length() > 500 ? reason.substring(0, 500) : reason);
            ps.setTimestamp(6, Timestamp.from(Instant.now()));
            ps.executeUpdate();
        } catch (SQLException failure) {
            throw new IllegalStateException("could not record rejected item " + key, failure);
        }
    }
}
