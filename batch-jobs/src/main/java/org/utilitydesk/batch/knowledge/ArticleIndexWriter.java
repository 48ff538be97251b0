package org.utilitydesk.batch.knowledge;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.utilitydesk.application.KnowledgeBase;

/** Indexes a chunk of articles; an article changed meanwhile keeps its newer indexed text. */
@Named
@Dependent
public class ArticleIndexWriter extends AbstractItemWriter {

    @Inject
    private KnowledgeBase knowledge;

    @Override
    public void writeItems(List<Object> items) {
        knowledge.index(items.stream().map(Long.class::cast).toList());
    }
}
