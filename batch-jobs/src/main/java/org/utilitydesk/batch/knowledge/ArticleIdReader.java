package org.utilitydesk.batch.knowledge;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.utilitydesk.application.KnowledgeBase;
import org.utilitydesk.batch.control.IdPageReader;

/** Article ids in ascending order, a page at a time; the checkpoint is the last id handed out. */
@Named
@Dependent
public class ArticleIdReader extends IdPageReader {

    @Inject
    private KnowledgeBase knowledge;

    @Override
    protected List<Long> page(long afterId, int size) {
        return knowledge.articleIds(afterId, size);
    }
}
