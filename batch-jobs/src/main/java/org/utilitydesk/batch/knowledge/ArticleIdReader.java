package org.utilitydesk.batch.knowledge;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.utilitydesk.application.KnowledgeBase;

/** Article ids in ascending order, a page at a time; the checkpoint is the last id handed out. */
@Named
@Dependent
public class ArticleIdReader extends AbstractItemReader {

    private static final int PAGE = 1_000;

    @Inject
    private KnowledgeBase knowledge;

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
            List<Long> ids = knowledge.articleIds(lastId, PAGE);
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
