package org.utilitydesk.batch.control;

import jakarta.batch.api.chunk.AbstractItemReader;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reads items a page at a time in ascending key order (keyset paging), so memory stays flat and the
 * checkpoint is simply the key of the last item handed out: a restarted step goes on after it.
 */
public abstract class KeysetReader<T> extends AbstractItemReader {

    private final int pageSize;
    private final Deque<T> page = new ArrayDeque<>();
    private long lastKey;
    private boolean exhausted;

    protected KeysetReader(int pageSize) {
        this.pageSize = pageSize;
    }

    /** Up to {@code size} items with keys greater than {@code afterKey}, ascending. */
    protected abstract List<T> page(long afterKey, int size);

    protected abstract long keyOf(T item);

    /** Called as the step opens, before the first page; false when there is nothing to read this time. */
    protected boolean prepare() {
        return true;
    }

    @Override
    public void open(Serializable checkpoint) {
        lastKey = checkpoint == null ? 0L : (Long) checkpoint;
        exhausted = !prepare();
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            List<T> items = page(lastKey, pageSize);
            page.addAll(items);
            exhausted = items.size() < pageSize;
        }
        T next = page.poll();
        if (next != null) {
            lastKey = keyOf(next);
        }
        return next;
    }

    @Override
    public Serializable checkpointInfo() {
        return lastKey;
    }
}
