package org.utilitydesk.domain.model.knowledge;

import java.util.List;
import java.util.Set;

/**
 * A search over the index: what the person typed ({@code text}) and the synonyms of the words in it that
 * they did not type (停电 → 断电, 没电), which count a little less. An empty text lists everything that
 * passes the filters, most recently changed first.
 *
 * @param audiences     who is asking: staff see INTERNAL and PUBLIC, the portal PUBLIC only
 * @param states        which article states to find; agents and the portal only PUBLISHED
 * @param categoryCode  only this category and the ones under it, or null
 * @param tag           only articles with this tag, or null
 */
public record KnowledgeQuery(String text, List<String> synonyms, Set<Audience> audiences, Set<ArticleState> states,
                             String categoryCode, String tag, int offset, int limit) {

    public KnowledgeQuery {
        text = text == null ? "" : text.strip();
        synonyms = List.copyOf(synonyms);
        audiences = Set.copyOf(audiences);
        states = Set.copyOf(states);
        offset = Math.max(0, offset);
        limit = Math.max(1, Math.min(limit, 100));
    }
}
