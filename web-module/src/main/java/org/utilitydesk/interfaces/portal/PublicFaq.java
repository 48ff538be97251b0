package org.utilitydesk.interfaces.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import org.utilitydesk.application.KnowledgeBase;
import org.utilitydesk.interfaces.facade.ArticleView;
import org.utilitydesk.interfaces.facade.KnowledgeFacade;
import org.utilitydesk.interfaces.facade.KnowledgeSearchView;

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

    public void load() {
        Locale locale = locale();
        results = knowledge.search(new KnowledgeBase.Search(q, null, null, KnowledgeBase.Scope.PORTAL, 0, 20), locale);
        if (code != null && !code.isBlank() && code.length() <= 16) {
            article = knowledge.openPublic(code.strip(), locale).orElse(null);
        }
    }

    /** Chinese unless the browser prefers English. */
    public Locale locale() {
        return PortalLocale.current();
    }

    public List<KnowledgeSearchView.Hit> getHits() {
        return results == null ? List.of() : results.hits();
    }

    public String getQ() {
        return q;
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
        return article;
    }
}
