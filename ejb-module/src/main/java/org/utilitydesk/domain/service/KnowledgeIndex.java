package org.utilitydesk.domain.service;

import java.util.List;
import org.utilitydesk.domain.model.knowledge.IndexedArticle;
import org.utilitydesk.domain.model.knowledge.KnowledgeQuery;
import org.utilitydesk.domain.model.knowledge.KnowledgeResults;

/** The full-text index of the knowledge base. The database is the truth; the index can always be rebuilt from it. */
public interface KnowledgeIndex {

    /** Adds or replaces articles; an update older than what is already indexed for an article is ignored. */
    void put(List<IndexedArticle> articles);

    /** Removes articles, in one commit. */
    void remove(java.util.Collection<Long> articleIds);

    KnowledgeResults search(KnowledgeQuery query);

    /** Empties the index. */
    void purge();

    /**
     * Merges the index into as few parts as it can, after a rebuild: a search then looks each word up once
     * instead of once per part (a rebuild of 100,000 articles leaves about 15).
     */
    void compact();

    /** The ids of every article the index holds. */
    java.util.Set<Long> ids();

    /** How many articles the index holds. */
    long size();

    /** Whether the index was missing, unreadable or of an older layout when the application started. */
    boolean wasLostAtStart();
}
