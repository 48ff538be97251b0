package org.utilitydesk.batch.knowledge;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.utilitydesk.application.KnowledgeBase;

/** Last step: drops from the index the articles the database no longer has. */
@Named
@Dependent
public class IndexPrune extends AbstractBatchlet {

    @Inject
    private KnowledgeBase knowledge;

    @Override
    public String process() {
        return "PRUNED " + knowledge.pruneIndex();
    }
}
