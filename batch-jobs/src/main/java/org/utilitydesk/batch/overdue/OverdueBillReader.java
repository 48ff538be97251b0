package org.utilitydesk.batch.overdue;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.utilitydesk.domain.model.billing.BillRepository;

/**
 * Reads ids of bills that may have fallen overdue, a page at a time by ascending id (keyset paging), so
 * memory stays flat and the checkpoint is simply the last id handed out.
 */
@Named
@Dependent
public class OverdueBillReader extends AbstractItemReader {

    private static final int PAGE = 1_000;

    @Inject
    private BillRepository bills;

    @Inject
    @BatchProperty
    private String asOf;

    private final Deque<Long> page = new ArrayDeque<>();
    private long lastId;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        lastId = checkpoint == null ? 0L : (Long) checkpoint;
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            List<Long> ids = bills.findIdsFallingOverdue(JobDay.parse(asOf), lastId, PAGE);
            page.addAll(ids);
            exhausted = ids.size() < PAGE;
        }
        Long next = page.poll();
        if (next != null) {
            lastId = next;
        }
        return next;
    }

    @Override
    public Serializable checkpointInfo() {
        return lastId;
    }
}
