package org.utilitydesk.interfaces.facade;

import java.util.List;

/** A page of search results with the category facet; {@code titleHtml}/{@code snippetHtml} are escaped HTML with {@code <em>} marks. */
public record KnowledgeSearchView(long total, List<Hit> hits, List<Facet> categories, long tookMillis) {

    public record Hit(String code, String title, String titleHtml, String snippetHtml, String category, String categoryName,
                      String audience, String state) {
    }

    public record Facet(String code, String name, long count) {
    }
}
