package org.utilitydesk.interfaces.desk;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.utilitydesk.application.KnowledgeBase;
import org.utilitydesk.interfaces.facade.ArticleView;
import org.utilitydesk.interfaces.facade.KnowledgeFacade;
import org.utilitydesk.interfaces.facade.KnowledgeSearchView;

/**
 * The agents' knowledge search: a query (in the address, so a search can be shared), category facets,
 * highlighted hits, and the chosen article read beside the list with helpful / not helpful votes.
 */
@Named
@ViewScoped
public class KnowledgeSearch implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private KnowledgeFacade knowledge;

    @Inject
    private LocaleSelection localeSelection;

    @Inject
    private CurrentUser user;

    private String q;
    private String category;
    private String code;
    private KnowledgeSearchView results;
    private ArticleView article;
    private boolean voted;

    /** Runs the search named in the address and opens the article named there, if any. */
    public void load() {
        search();
        if (code != null && !code.isBlank()) {
            open(code);
        }
    }

    public void search() {
        results = knowledge.search(new KnowledgeBase.Search(q, category, null, KnowledgeBase.Scope.STAFF, 0, 20), locale());
    }

    public void filter(String categoryCode) {
        category = categoryCode == null || categoryCode.equals(category) ? null : categoryCode;
        search();
    }

    public void open(String articleCode) {
        article = knowledge.open(articleCode, locale()).filter(a -> "PUBLISHED".equals(a.state())).orElse(null);
        code = article == null ? null : article.code();
        voted = false;
    }

    public void vote(boolean helpful) {
        if (article != null) {
            article = knowledge.vote(article.code(), user.getUser(), helpful, locale()).orElse(article);
            voted = true;
        }
    }

    private Locale locale() {
        return localeSelection.getLocale();
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category == null || category.isBlank() ? null : category;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public KnowledgeSearchView getResults() {
        return results;
    }

    public List<KnowledgeSearchView.Hit> getHits() {
        return results == null ? List.of() : results.hits();
    }

    public ArticleView getArticle() {
        return article;
    }

    public boolean isVoted() {
        return voted;
    }
}
