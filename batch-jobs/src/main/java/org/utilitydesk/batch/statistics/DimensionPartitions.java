package org.utilitydesk.batch.statistics;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Properties;

/**
 * One partition per dimension, so a restart recomputes only the dimensions that had not finished; two run
 * at a time (the machine has two cores). The day is resolved here, once, so every partition counts the same
 * day.
 */
@Named
@Dependent
public class DimensionPartitions implements PartitionMapper {

    @Inject
    @BatchProperty
    private String day;

    @Override
    public PartitionPlan mapPartitions() {
        String resolved = StatisticsDay.parse(day).toString();
        Dimension[] dimensions = Dimension.values();
        Properties[] properties = new Properties[dimensions.length];
        for (int i = 0; i < dimensions.length; i++) {
            properties[i] = new Properties();
            properties[i].setProperty("dimension", dimensions[i].name());
            properties[i].setProperty("day", resolved);
        }
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(dimensions.length);
        plan.setThreads(2);
        plan.setPartitionProperties(properties);
        return plan;
    }
}
