package org.utilitydesk.batch.overdue;

import org.utilitydesk.batch.control.JobDates;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.utilitydesk.batch.control.RejectedItemException;
import org.utilitydesk.domain.model.billing.Bill;
import org.utilitydesk.domain.model.billing.BillRepository;

/**
 * Asks each bill whether it is overdue on the job's day. Bills paid since they were read are filtered
 * out (the bill itself says no); a bill that vanished is rejected and recorded, not fatal.
 */
@Named
@Dependent
public class OverdueBillProcessor implements ItemProcessor {

    @Inject
    private BillRepository bills;

    @Inject
    @BatchProperty
    private String asOf;

    @Override
    public Object processItem(Object item) {
        Long id = (Long) item;
        Bill bill = bills.find(id).orElseThrow(() -> new RejectedItemException(String.valueOf(id), "bill no longer exists"));
        return bill.markOverdueIfPastDue(JobDates.day(asOf, 0)) ? bill : null;
    }
}
