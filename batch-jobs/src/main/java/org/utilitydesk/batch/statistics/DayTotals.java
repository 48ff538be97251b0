package org.utilitydesk.batch.statistics;

import org.utilitydesk.batch.control.JobDates;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Last step: the whole-day rows, the sums of the hours just computed. */
@Named
@Dependent
public class DayTotals extends AbstractBatchlet {

    @Inject
    private DayStatistics statistics;

    @Inject
    @BatchProperty
    private String day;

    @Override
    public String process() {
        return "DAY " + statistics.replaceDayTotals(JobDates.day(day, -1));
    }
}
