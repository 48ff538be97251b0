package org.utilitydesk.batch.statistics;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.logging.Logger;

/** One partition: the figures of a range of the day's hours, every dimension; exits with the rows written. */
@Named
@Dependent
public class ComputeHours extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(ComputeHours.class.getName());

    @Inject
    private DayStatistics statistics;

    @Inject
    @BatchProperty
    private String day;

    @Inject
    @BatchProperty
    private String fromHour;

    @Inject
    @BatchProperty
    private String toHour;

    @Override
    public String process() {
        long started = System.nanoTime();
        int rows = statistics.replaceHours(LocalDate.parse(day), Integer.parseInt(fromHour), Integer.parseInt(toHour));
        LOG.info(() -> String.format("statistics of %s hours %s-%s: %d rows in %d ms", day, fromHour, toHour, rows,
                (System.nanoTime() - started) / 1_000_000));
        return "HOURS " + fromHour + "-" + toHour + ": " + rows;
    }
}
