package org.utilitydesk.batch.control;

import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.JobInstance;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import javax.sql.DataSource;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.Stateless;
import java.time.Instant;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Starts, restarts, stops and reports on the application's batch jobs. Only the jobs named in
 * {@link #JOBS} can be started, with their own known parameters, whatever a request asks for.
 */
@Stateless
public class JobControl {

    private static final ZoneId ZONE = JobDates.ZONE;
    private static final String DATE = "\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])";

    /**
     * A parameter a job accepts: the form its value must have (a day that exists, not only one that looks like it:
     * 2026-02-30 is refused), and what an empty value stands for; {@code withTime}: a day and a time of day
     * (YYYY-MM-DDTHH:MM) rather than a day.
     */
    public record Parameter(Pattern form, Function<String, ?> parse, Supplier<String> whenEmpty, boolean withTime) {
        static Parameter date(Supplier<LocalDate> whenEmpty) {
            return new Parameter(Pattern.compile(DATE), LocalDate::parse, () -> whenEmpty.get().toString(), false);
        }

        static Parameter moment() {
            return new Parameter(Pattern.compile(DATE + "T([01]\\d|2[0-3]):[0-5]\\d"), LocalDateTime::parse,
                    () -> LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.MINUTES).toString(), true);
        }

        /** Whether the value has the form and means something (java.time parses ISO dates strictly). */
        public boolean accepts(String value) {
            if (!form.matcher(value).matches()) {
                return false;
            }
            try {
                parse.apply(value);
                return true;
            } catch (DateTimeException e) {
                return false;
            }
        }
    }

    /**
     * Job names and the parameters each accepts. An empty parameter is filled in when the job starts (today,
     * yesterday, now), so a restart days later still works on the day or moment the first run did.
     */
    public static final Map<String, Map<String, Parameter>> JOBS = Map.of(
            "overdue-bills", Map.of("asOf", Parameter.date(() -> LocalDate.now(ZONE))),
            "nightly-statistics", Map.of("day", Parameter.date(() -> LocalDate.now(ZONE).minusDays(1))),
            "callback-surveys", Map.of("day", Parameter.date(() -> LocalDate.now(ZONE).minusDays(1))),
            "payment-reminders", Map.of("at", Parameter.moment()),
            "knowledge-reindex", Map.of());

    @Resource(lookup = "jdbc/utilitydesk")
    private DataSource dataSource;

    @Inject
    private JobProgress progress;

    private JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }

    public boolean isKnownJob(String jobName) {
        return JOBS.containsKey(jobName);
    }

    /**
     * Starts a job; an unknown job is refused with IllegalArgumentException, a parameter it does not have or a value
     * that means no day with {@link JobParameterException}.
     */
    public long start(String jobName, Map<String, String> parameters) {
        Map<String, Parameter> accepted = JOBS.get(jobName);
        if (accepted == null) {
            throw new IllegalArgumentException("unknown job " + jobName);
        }
        Properties props = new Properties();
        parameters.forEach((name, value) -> {
            Parameter parameter = accepted.get(name);
            if (parameter == null) {
                throw new JobParameterException(jobName, name, JobParameterException.Reason.UNKNOWN,
                        accepted.keySet().stream().sorted().toList());
            }
            String v = value == null ? "" : value.strip();
            if (!v.isEmpty() && !parameter.accepts(v)) {
                throw new JobParameterException(jobName, name, parameter.withTime() ? JobParameterException.Reason.NOT_A_MOMENT
                        : JobParameterException.Reason.NOT_A_DAY, accepted.keySet().stream().sorted().toList());
            }
            props.setProperty(name, v);
        });
        accepted.forEach((name, parameter) -> {
            if (props.getProperty(name, "").isEmpty()) {
                props.setProperty(name, parameter.whenEmpty().get());
            }
        });
        return operator().start(jobName, props);
    }

    /**
     * Restarts a failed or stopped execution from its last checkpoint with the parameters it ran with;
     * returns the new execution id.
     */
    public long restart(long executionId) {
        Properties original = operator().getJobExecution(executionId).getJobParameters();
        return operator().restart(executionId, original == null ? new Properties() : original);
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
            String status = execution.getBatchStatus().name();
            Integer percent = "COMPLETED".equals(status) ? Integer.valueOf(100)
                    : progress.of(executionId).map(JobProgress.Progress::percent).orElse(null);
            return Optional.of(new JobExecutionView(execution.getExecutionId(), execution.getJobName(),
                    status, execution.getExitStatus(), instant(execution.getStartTime()),
                    instant(execution.getEndTime()), params, steps, percent));
        } catch (NoSuchJobExecutionException e) {
            return Optional.empty();
        }
    }

    /** The latest executions of every known job, newest first, at most {@code max}. */
    public List<JobExecutionView> recent(int max) {
        List<Long> ids = new ArrayList<>();
        for (String name : JOBS.keySet()) {
            try {
                for (JobInstance instance : operator().getJobInstances(name, 0, max)) {
                    operator().getJobExecutions(instance).forEach(e -> ids.add(e.getExecutionId()));
                }
            } catch (NoSuchJobException e) {
                // never run yet
            }
        }
        return ids.stream().sorted(Comparator.reverseOrder()).limit(max).map(this::find).flatMap(Optional::stream).toList();
    }

    /** An item a step skipped, and why. */
    public record RejectedItem(String stepName, String itemKey, String reason, Instant recordedAt) {
    }

    /** What the execution rejected, oldest first (at most 500). */
    public List<RejectedItem> rejected(long executionId) {
        return Jdbc.query(dataSource, "SELECT step_name, item_key, reason, recorded_at FROM batch_rejected_item"
                        + " WHERE job_execution_id = ? ORDER BY id LIMIT 500",
                rs -> new RejectedItem(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toLocalDateTime().toInstant(ZoneOffset.UTC)), executionId);
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
