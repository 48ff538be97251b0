package org.utilitydesk.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.utilitydesk.domain.service.KnowledgeIndex;

/**
 * Puts a changed article into the search index after its transaction has committed (a rolled-back
 * change never reaches the index). The index keeps the newest revision of each article, so two commits
 * whose notifications cross still leave the later text indexed.
 */
@ApplicationScoped
public class KnowledgeIndexing {

    private static final Logger LOG = Logger.getLogger(KnowledgeIndexing.class.getName());

    @Inject
    private KnowledgeIndex index;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged change) {
        try {
            index.put(List.of(change.article()));
        } catch (RuntimeException e) {
            // The change is safe in the database; the index is behind until the next reindex (batch job or start-up).
            LOG.log(Level.WARNING, "Article " + change.article().code() + " was saved but not indexed", e);
        }
    }
}
