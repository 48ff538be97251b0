package org.utilitydesk.interfaces.portal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.utilitydesk.application.KnowledgeBase;
import org.utilitydesk.interfaces.facade.ArticleView;
import org.utilitydesk.interfaces.facade.KnowledgeFacade;
import org.utilitydesk.interfaces.facade.KnowledgeSearchView;
import org.utilitydesk.interfaces.facade.PortalVisitor;

/**
 * The portal's FAQ ({@code portal/faq.xhtml?q=…&code=…}): published public articles only, searched and read
 * without a login, in the language the browser asks for (Chinese unless English is preferred).
 */
@Named
@RequestScoped
public class PublicFaq {

    @Inject
    private KnowledgeFacade knowledge;

    private String q;
    private String code;
    private KnowledgeSearchView results;
    private ArticleView article;
    private boolean voted;
    private boolean loaded;

    /**
     * The page's parameters straight from the request: a vote posts them back, and the vote form is only there
     * (decoded, its button's action run) when the article is known before the view parameters are applied.
     */
    @PostConstruct
    void fromRequest() {
        Map<String, String> parameters = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        setQ(parameters.get("q"));
        setCode(parameters.get("code"));
    }

    /** Searches and opens the article, once per request; opening it counts a view, a vote's postback does not. */
    public void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        Locale locale = locale();
        results = knowledge.search(new KnowledgeBase.Search(q, null, null, KnowledgeBase.Scope.PORTAL, 0, 20), locale);
        if (code != null && !code.isBlank() && code.length() <= 16) {
            article = (FacesContext.getCurrentInstance().isPostback()
                    ? knowledge.findPublic(code.strip(), locale) : knowledge.openPublic(code.strip(), locale)).orElse(null);
        }
    }

    /** The visitor says whether the article helped: one vote per browser session and article. */
    public void vote(boolean helpful) {
        load();
        if (article == null) {
            return;
        }
        String session = FacesContext.getCurrentInstance().getExternalContext().getSessionId(true);
        voted = knowledge.votePublic(article.code(), PortalVisitor.of(session), helpful);
    }

    public boolean isVoted() {
        return voted;
    }

    /** Chinese unless the browser prefers English. */
    public Locale locale() {
        return PortalLocale.current();
    }

    public List<KnowledgeSearchView.Hit> getHits() {
        load();
        return results == null ? List.of() : results.hits();
    }

    /** The search, "" when there is none: the result links carry it, and a null link parameter breaks the page. */
    public String getQ() {
        return q == null ? "" : q;
    }

    public void setQ(String q) {
        this.q = q == null || q.length() <= 200 ? q : q.substring(0, 200);
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public ArticleView getArticle() {
        load();
        return article;
    }
}
