package org.utilitydesk.batch.overdue;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import jakarta.inject.Inject;
import org.utilitydesk.domain.model.billing.BillRepository;
import java.util.List;

/**
 * The processor changed managed bills; writing is flushing them inside the chunk's transaction, so a
 * chunk and its checkpoint commit together. A bill changed meanwhile fails its version check and the
 * chunk is retried.
 */
@Named
@Dependent
public class OverdueBillWriter extends AbstractItemWriter {

    @Inject
    private BillRepository bills;

    @Override
    public void writeItems(List<Object> items) {
        bills.flush();
    }
}
