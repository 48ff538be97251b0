package org.utilitydesk.interfaces.facade;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.utilitydesk.application.KnowledgeBase;
import org.utilitydesk.domain.model.knowledge.Article;
import org.utilitydesk.domain.model.knowledge.ArticleContent;
import org.utilitydesk.domain.model.knowledge.ArticleState;
import org.utilitydesk.domain.model.knowledge.ArticleVersion;
import org.utilitydesk.domain.model.knowledge.Audience;
import org.utilitydesk.domain.model.knowledge.KnowledgeAttachment;
import org.utilitydesk.domain.model.knowledge.KnowledgeCategory;
import org.utilitydesk.domain.model.knowledge.KnowledgeResults;

/** The knowledge base for the API and the desk: DTOs in, DTOs out. */
@Stateless
public class KnowledgeFacade {

    @Inject
    private KnowledgeBase knowledge;

    public ArticleView propose(ArticleRequest r, String author, Locale locale) {
        if (r.categoryCode() == null) {
            throw new IllegalArgumentException("categoryCode is required");
        }
        Article a = knowledge.propose(r.categoryCode(), r.audience() == null ? Audience.INTERNAL : r.audience(),
                r.language() == null ? "zh_CN" : r.language(), content(r), author);
        return view(a, locale);
    }

    public Optional<ArticleView> edit(String code, ArticleRequest r, String author, Locale locale) {
        return knowledge.edit(code, content(r), author, r.note()).map(a -> view(a, locale));
    }

    public Optional<ArticleView> act(String code, ArticleActionRequest r, String actor, Locale locale) {
        return knowledge.act(code, r.action(), r.versionNo(), actor, r.note()).map(a -> view(a, locale));
    }

    public Optional<ArticleView> reclassify(String code, String categoryCode, Audience audience, String actor, Locale locale) {
        return knowledge.reclassify(code, categoryCode, audience, actor).map(a -> view(a, locale));
    }

    /** Attaches a file; empty if there is no such article. */
    public Optional<ArticleView.Attachment> attach(String code, String fileName, byte[] content, String actor) {
        return knowledge.attach(code, fileName, content, actor).map(ArticleView.Attachment::of);
    }

    /** An editor's decision on a pending file; empty if there is no such article or file. */
    public Optional<ArticleView.Attachment> reviewAttachment(String code, long id, boolean approve, String actor) {
        return knowledge.reviewAttachment(code, id, approve, actor).map(ArticleView.Attachment::of);
    }

    /** An attachment of any article, for staff. */
    public Optional<KnowledgeBase.StoredAttachment> attachment(String code, long id) {
        return knowledge.attachment(code, id);
    }

    /** An approved attachment of a published public article, for the portal. */
    public Optional<KnowledgeBase.StoredAttachment> publicAttachment(String code, long id) {
        return knowledge.find(code).filter(KnowledgeFacade::isPublic).flatMap(a -> knowledge.attachment(code, id))
                .filter(s -> s.attachment().getReview() == KnowledgeAttachment.Review.APPROVED);
    }

    /** The article as it stands, without counting a view (for its editors). */
    public Optional<ArticleView> find(String code, Locale locale) {
        return knowledge.find(code).map(a -> view(a, locale));
    }

    /** The article as a staff member opens it (counts a view). */
    public Optional<ArticleView> open(String code, Locale locale) {
        return knowledge.open(code).map(a -> view(a, locale));
    }

    /** A published public article for the portal (counts a view); empty for anything else. */
    public Optional<ArticleView> openPublic(String code, Locale locale) {
        return knowledge.find(code).filter(KnowledgeFacade::isPublic).flatMap(a -> knowledge.open(code))
                .map(a -> publicView(view(a, locale)));
    }

    /** A published public article for the portal without counting a view (the page posted back). */
    public Optional<ArticleView> findPublic(String code, Locale locale) {
        return knowledge.find(code).filter(KnowledgeFacade::isPublic).map(a -> publicView(view(a, locale)));
    }

    /**
     * A portal visitor's helpful / not helpful vote on a published public article (one per visitor and
     * article, a second one replaces the first); false if there is no such article.
     */
    public boolean votePublic(String code, String visitor, boolean helpful) {
        return knowledge.find(code).filter(KnowledgeFacade::isPublic).isPresent()
                && knowledge.vote(code, "portal:" + visitor, helpful).isPresent();
    }

    private static boolean isPublic(Article a) {
        return a.getState() == ArticleState.PUBLISHED && a.getAudience() == Audience.PUBLIC;
    }

    public Optional<ArticleView> vote(String code, String voter, boolean helpful, Locale locale) {
        return knowledge.vote(code, voter, helpful).map(a -> view(a, locale));
    }

    public List<ArticleView> reviewQueue(Locale locale) {
        List<Article> queue = knowledge.reviewQueue();
        Map<Long, List<KnowledgeAttachment>> attachments = knowledge.attachments(queue.stream().map(Article::getId).toList());
        return queue.stream().map(a -> view(a, locale, attachments.getOrDefault(a.getId(), List.of()))).toList();
    }

    public List<KnowledgeSearchView.Facet> categories(Locale locale) {
        return knowledge.categories().stream().map(c -> new KnowledgeSearchView.Facet(c.getCode(), c.name(locale), 0)).toList();
    }

    public KnowledgeSearchView search(KnowledgeBase.Search search, Locale locale) {
        return view(knowledge.search(search), locale);
    }

    /**
     * Suggestions for the call panel: from the call's IVR path (by call id, or a path given as node
     * codes) and the reason the agent typed.
     */
    public KnowledgeSearchView suggest(Long callId, List<String> path, String reason, int limit, Locale locale) {
        List<String> ivrPath = callId != null ? knowledge.ivrPath(callId) : path;
        return view(knowledge.suggest(ivrPath, reason, Math.max(1, Math.min(limit, 10))), locale);
    }

    private KnowledgeSearchView view(KnowledgeResults r, Locale locale) {
        Map<String, KnowledgeCategory> categories = knowledge.categories().stream()
                .collect(Collectors.toMap(KnowledgeCategory::getCode, Function.identity()));
        List<KnowledgeSearchView.Hit> hits = r.hits().stream().map(h -> new KnowledgeSearchView.Hit(h.code(), h.title(),
                h.titleHtml(), h.snippetHtml(), h.category(), name(categories, h.category(), locale), h.audience().name(),
                h.state().name())).toList();
        List<KnowledgeSearchView.Facet> facets = r.categoryCounts().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new KnowledgeSearchView.Facet(e.getKey(), name(categories, e.getKey(), locale), e.getValue())).toList();
        return new KnowledgeSearchView(r.total(), hits, facets, r.tookMillis());
    }

    /** What changed between two versions, field by field; empty if the article or a version does not exist. */
    public Optional<Map<String, List<TextDiff.Segment>>> diff(String code, int from, int to) {
        return knowledge.find(code).flatMap(a -> {
            Optional<ArticleVersion> before = a.getVersions().stream().filter(v -> v.getVersionNo() == from).findFirst();
            Optional<ArticleVersion> after = a.getVersions().stream().filter(v -> v.getVersionNo() == to).findFirst();
            if (before.isEmpty() || after.isEmpty()) {
                return Optional.empty();
            }
            ArticleVersion x = before.get();
            ArticleVersion y = after.get();
            Map<String, List<TextDiff.Segment>> fields = new java.util.LinkedHashMap<>();
            fields.put("title", TextDiff.of(x.getTitle(), y.getTitle()));
            fields.put("question", TextDiff.of(x.getQuestion(), y.getQuestion()));
            fields.put("answer", TextDiff.of(x.getAnswer(), y.getAnswer()));
            fields.put("faultCause", TextDiff.of(x.getFaultCause(), y.getFaultCause()));
            fields.put("solution", TextDiff.of(x.getSolution(), y.getSolution()));
            fields.put("tags", TextDiff.of(x.getTags(), y.getTags()));
            return Optional.of(fields);
        });
    }

    private static String name(Map<String, KnowledgeCategory> categories, String code, Locale locale) {
        KnowledgeCategory c = categories.get(code);
        return c == null ? code : c.name(locale);
    }

    private static ArticleContent content(ArticleRequest r) {
        return new ArticleContent(r.title(), r.question(), r.answer(), r.faultCause(), r.solution(), r.tags());
    }

    /** Customers see the text, not who wrote it or the review trail. */
    private static ArticleView publicView(ArticleView v) {
        return new ArticleView(v.code(), v.state(), v.audience(), v.language(), v.category(), v.categoryName(), v.liveVersion(),
                v.title(), v.question(), v.answer(), v.faultCause(), v.solution(), v.tags(), v.views(), v.helpful(),
                v.notHelpful(), null, null, v.publishedAt(), v.updatedAt(), null, List.of(),
                v.attachments().stream().filter(x -> "APPROVED".equals(x.review())).map(x -> new ArticleView.Attachment(x.id(),
                        x.fileName(), x.contentType(), x.sizeBytes(), null, x.uploadedAt(), x.review(), null)).toList());
    }

    private ArticleView view(Article a, Locale locale) {
        return view(a, locale, knowledge.attachments(a.getId()));
    }

    private static ArticleView view(Article a, Locale locale, List<KnowledgeAttachment> attachments) {
        ArticleVersion live = a.live();
        List<ArticleView.Version> versions = a.getVersions().stream()
                .sorted(Comparator.comparingInt(ArticleVersion::getVersionNo).reversed()).map(KnowledgeFacade::version).toList();
        return new ArticleView(a.getCode(), a.getState().name(), a.getAudience().name(), a.getLanguage(),
                a.getCategory().getCode(), a.getCategory().name(locale), live.getVersionNo(), live.getTitle(),
                live.getQuestion(), live.getAnswer(), live.getFaultCause(), live.getSolution(), live.content().tags(),
                a.getViewCount(), a.getHelpfulCount(), a.getNotHelpfulCount(), a.getCreatedBy(), a.getCreatedAt(),
                a.getPublishedAt(), a.getUpdatedAt(), a.pending().map(KnowledgeFacade::version).orElse(null), versions,
                attachments.stream().map(ArticleView.Attachment::of).toList());
    }

    private static ArticleView.Version version(ArticleVersion v) {
        return new ArticleView.Version(v.getVersionNo(), v.getState().name(), v.getTitle(), v.getQuestion(), v.getAnswer(),
                v.getFaultCause(), v.getSolution(), v.content().tags(), v.getChangedBy(), v.getChangedAt(), v.getChangeNote(),
                v.getReviewedBy(), v.getReviewedAt(), v.getReviewNote());
    }
}
