package org.utilitydesk.batch.surveys;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Writes a PENDING survey per sampled order, in the chunk's transaction; an order surveyed already is left. */
@Named
@Dependent
public class SurveyWriter extends AbstractItemWriter {

    @Inject
    private SurveyLedger ledger;

    @Inject
    private JobContext job;

    @Override
    public void writeItems(List<Object> items) {
        Instant now = Clock.systemUTC().instant();
        for (Object item : items) {
            ledger.record((SurveyPolicy.Sample) item, job.getExecutionId(), now);
        }
    }
}
