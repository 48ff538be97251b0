package org.utilitydesk.domain.model.knowledge;

/**
 * One article found. {@code titleHtml} and {@code snippetHtml} are HTML-escaped text with the matched
 * words wrapped in {@code <em>}; safe to show as they are.
 */
public record KnowledgeHit(String code, String title, String titleHtml, String snippetHtml, String category,
                           Audience audience, ArticleState state, float score) {
}
