package org.utilitydesk.batch.statistics;

import org.utilitydesk.batch.control.JobDates;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Properties;

/**
 * The day in four ranges of hours holding about equal shares of a working day's calls, computed two at a
 * time (the machine has two cores); a restart recomputes only the ranges that had not finished. The day is
 * resolved here, once, so every partition counts the same day.
 */
@Named
@Dependent
public class HourPartitions implements PartitionMapper {

    private static final int[][] RANGES = {{0, 9}, {10, 13}, {14, 17}, {18, 23}};

    @Inject
    @BatchProperty
    private String day;

    @Override
    public PartitionPlan mapPartitions() {
        String resolved = JobDates.day(day, -1).toString();
        Properties[] properties = new Properties[RANGES.length];
        for (int i = 0; i < RANGES.length; i++) {
            properties[i] = new Properties();
            properties[i].setProperty("day", resolved);
            properties[i].setProperty("fromHour", String.valueOf(RANGES[i][0]));
            properties[i].setProperty("toHour", String.valueOf(RANGES[i][1]));
        }
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(RANGES.length);
        plan.setThreads(2);
        plan.setPartitionProperties(properties);
        return plan;
    }
}
