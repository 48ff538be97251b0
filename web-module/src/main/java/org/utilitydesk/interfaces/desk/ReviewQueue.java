package org.utilitydesk.interfaces.desk;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.utilitydesk.interfaces.facade.ArticleView;
import org.utilitydesk.interfaces.facade.KnowledgeFacade;

/** Articles with a version waiting for an editor (in review) or a supervisor (approved), oldest first. */
@Named
@RequestScoped
public class ReviewQueue {

    @Inject
    private KnowledgeFacade knowledge;

    @Inject
    private LocaleSelection localeSelection;

    private List<ArticleView> articles;

    public List<ArticleView> getArticles() {
        if (articles == null) {
            articles = knowledge.reviewQueue(localeSelection.getLocale());
        }
        return articles;
    }
}
