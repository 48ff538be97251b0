package org.utilitydesk.domain.model.knowledge;

import java.util.List;
import java.util.Set;

/**
 * A search over the index. {@code phrasings} is what the person typed followed by the same text with
 * synonyms swapped in (停电 → 断电, 没电); the first counts most. Empty phrasings list everything that
 * passes the filters, most helpful first.
 *
 * @param audiences     who is asking: staff see INTERNAL and PUBLIC, the portal PUBLIC only
 * @param states        which article states to find; agents and the portal only PUBLISHED
 * @param categoryCode  only this category and the ones under it, or null
 * @param tag           only articles with this tag, or null
 */
public record KnowledgeQuery(List<String> phrasings, Set<Audience> audiences, Set<ArticleState> states,
                             String categoryCode, String tag, int offset, int limit) {

    public KnowledgeQuery {
        phrasings = List.copyOf(phrasings);
        audiences = Set.copyOf(audiences);
        states = Set.copyOf(states);
        offset = Math.max(0, offset);
        limit = Math.max(1, Math.min(limit, 100));
    }
}
