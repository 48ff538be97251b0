package org.utilitydesk.batch.control;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.Stateless;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Starts, restarts, stops and reports on the application's batch jobs. Only the jobs named in
 * {@link #JOBS} can be started, with their own known parameters, whatever a request asks for.
 */
@Stateless
public class JobControl {

    /** Job names, the parameters each accepts and the form each parameter's value must have. */
    public static final Map<String, Map<String, Pattern>> JOBS = Map.of(
            "overdue-bills", Map.of("asOf", Pattern.compile("|\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])")),
            "knowledge-reindex", Map.of());

    private JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }

    public boolean isKnownJob(String jobName) {
        return JOBS.containsKey(jobName);
    }

    /** Starts a job; unknown jobs or parameters are refused with IllegalArgumentException. */
    public long start(String jobName, Map<String, String> parameters) {
        Map<String, Pattern> accepted = JOBS.get(jobName);
        if (accepted == null) {
            throw new IllegalArgumentException("unknown job " + jobName);
        }
        Properties props = new Properties();
        parameters.forEach((name, value) -> {
            Pattern form = accepted.get(name);
            if (form == null) {
                throw new IllegalArgumentException("job " + jobName + " has no parameter " + name);
            }
            String v = value == null ? "" : value.strip();
            if (!form.matcher(v).matches()) {
                throw new IllegalArgumentException("parameter " + name + " of job " + jobName + " cannot be '"
                        + (v.length() > 40 ? v.substring(0, 40) : v) + "'");
            }
            props.setProperty(name, v);
        });
        return operator().start(jobName, props);
    }

    /** Restarts a failed or stopped execution from its last checkpoint; returns the new execution id. */
    public long restart(long executionId) {
        return operator().restart(executionId, new Properties());
    }

    public void stop(long executionId) {
        operator().stop(executionId);
    }

    public Optional<JobExecutionView> find(long executionId) {
        try {
            JobExecution execution = operator().getJobExecution(executionId);
            if (execution == null || !isKnownJob(execution.getJobName())) {
                return Optional.empty();
            }
            List<JobExecutionView.StepView> steps = operator().getStepExecutions(executionId).stream()
                    .map(JobControl::stepView).collect(Collectors.toList());
            Map<String, String> params = new TreeMap<>();
            Properties p = execution.getJobParameters();
            if (p != null) {
                p.stringPropertyNames().forEach(n -> params.put(n, p.getProperty(n)));
            }
            return Optional.of(new JobExecutionView(execution.getExecutionId(), execution.getJobName(),
                    execution.getBatchStatus().name(), execution.getExitStatus(), instant(execution.getStartTime()),
                    instant(execution.getEndTime()), params, steps));
        } catch (NoSuchJobExecutionException e) {
            return Optional.empty();
        }
    }

    private static JobExecutionView.StepView stepView(StepExecution step) {
        Map<Metric.MetricType, Long> m = new TreeMap<>();
        for (Metric metric : step.getMetrics()) {
            m.put(metric.getType(), metric.getValue());
        }
        return new JobExecutionView.StepView(step.getStepName(), step.getBatchStatus().name(),
                m.getOrDefault(Metric.MetricType.READ_COUNT, 0L), m.getOrDefault(Metric.MetricType.WRITE_COUNT, 0L),
                m.getOrDefault(Metric.MetricType.FILTER_COUNT, 0L),
                m.getOrDefault(Metric.MetricType.READ_SKIP_COUNT, 0L) + m.getOrDefault(Metric.MetricType.PROCESS_SKIP_COUNT, 0L)
                        + m.getOrDefault(Metric.MetricType.WRITE_SKIP_COUNT, 0L),
                m.getOrDefault(Metric.MetricType.COMMIT_COUNT, 0L), m.getOrDefault(Metric.MetricType.ROLLBACK_COUNT, 0L));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
