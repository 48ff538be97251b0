package org.utilitydesk.batch.control;

import jakarta.batch.api.chunk.AbstractItemReader;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reads ids a page at a time in ascending order (keyset paging), so memory stays flat and the checkpoint
 * is simply the last id handed out: a restarted step goes on after it.
 */
public abstract class IdPageReader extends AbstractItemReader {

    private static final int PAGE = 1_000;

    private final Deque<Long> page = new ArrayDeque<>();
    private long lastId;
    private boolean exhausted;

    /** Up to {@code size} ids greater than {@code afterId}, ascending. */
    protected abstract List<Long> page(long afterId, int size);

    @Override
    public void open(Serializable checkpoint) {
        lastId = checkpoint == null ? 0L : (Long) checkpoint;
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            List<Long> ids = page(lastId, PAGE);
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
