package org.utilitydesk.domain.model.knowledge;

import java.util.List;
import java.util.Map;

/** A page of hits, how many there are in all, and how many per category (for the facet list). */
public record KnowledgeResults(long total, List<KnowledgeHit> hits, Map<String, Long> categoryCounts, long tookMillis) {

    public KnowledgeResults {
        hits = List.copyOf(hits);
        categoryCounts = Map.copyOf(categoryCounts);
    }
}
