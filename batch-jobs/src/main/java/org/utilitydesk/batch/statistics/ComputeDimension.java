package org.utilitydesk.batch.statistics;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.logging.Logger;

/** One partition: the day's figures by one dimension; its exit status says how many rows it left. */
@Named
@Dependent
public class ComputeDimension extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(ComputeDimension.class.getName());

    @Inject
    private DayStatistics statistics;

    @Inject
    @BatchProperty
    private String day;

    @Inject
    @BatchProperty
    private String dimension;

    @Override
    public String process() {
        long started = System.nanoTime();
        int rows = statistics.replace(LocalDate.parse(day), dimension);
        LOG.info(() -> String.format("statistics of %s by %s: %d rows in %d ms", day, dimension, rows,
                (System.nanoTime() - started) / 1_000_000));
        return dimension + " " + rows;
    }
}
