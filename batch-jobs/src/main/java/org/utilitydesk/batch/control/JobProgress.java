package org.utilitydesk.batch.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far running executions are, for the console's progress bars: readers that know how much lies ahead
 * report here as they go (JSR-352's own counts only move at each checkpoint and never say the total).
 * Kept in memory: after a restart of the server a running job simply shows no bar until it reports again.
 */
@ApplicationScoped
public class JobProgress {

    /** {@code done} of {@code total} units of whatever the step walks (bill ids, articles, ...). */
    public record Progress(long done, long total) {
        public int percent() {
            return total <= 0 ? 100 : (int) Math.min(100, done * 100 / total);
        }
    }

    private final Map<Long, Progress> byExecution = new ConcurrentHashMap<>();

    public void report(long executionId, long done, long total) {
        byExecution.put(executionId, new Progress(done, total));
    }

    public Optional<Progress> of(long executionId) {
        return Optional.ofNullable(byExecution.get(executionId));
    }

    public void forget(long executionId) {
        byExecution.remove(executionId);
    }
}
