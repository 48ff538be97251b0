package org.utilitydesk.domain.model.knowledge;

import java.util.List;

/**
 * What the search index holds of an article: its live text and what searches filter on. {@code revision}
 * orders updates of one article, so an older update arriving late never overwrites a newer one.
 */
public record IndexedArticle(long id, String code, String title, String question, String answer, String faultCause,
                             String solution, List<String> tags, String category, List<String> categoryPath,
                             Audience audience, ArticleState state, String language, long revision) {

    public static IndexedArticle of(Article a) {
        return of(a, a.live());
    }

    public static IndexedArticle of(Article a, ArticleVersion live) {
        return new IndexedArticle(a.getId(), a.getCode(), live.getTitle(), live.getQuestion(), live.getAnswer(),
                live.getFaultCause(), live.getSolution(), ArticleContent.parseTags(live.getTags()),
                a.getCategory().getCode(), a.getCategory().path(), a.getAudience(), a.getState(), a.getLanguage(),
                a.getUpdatedAt() == null ? 0 : a.getUpdatedAt().toEpochMilli());
    }
}
