package org.utilitydesk.batch.overdue;

import org.utilitydesk.batch.control.JobDates;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.utilitydesk.batch.control.IdPageReader;
import org.utilitydesk.domain.model.billing.BillRepository;

/** Reads ids of bills that may have fallen overdue, a page at a time by ascending id. */
@Named
@Dependent
public class OverdueBillReader extends IdPageReader {

    @Inject
    private BillRepository bills;

    @Inject
    @BatchProperty
    private String asOf;

    @Override
    protected List<Long> page(long afterId, int size) {
        return bills.findIdsFallingOverdue(JobDates.day(asOf, 0), afterId, size);
    }
}
