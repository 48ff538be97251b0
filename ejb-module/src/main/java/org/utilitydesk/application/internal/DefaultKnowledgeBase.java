package org.utilitydesk.application.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.utilitydesk.application.KnowledgeBase;
import org.utilitydesk.domain.model.knowledge.Article;
import org.utilitydesk.domain.model.knowledge.ArticleContent;
import org.utilitydesk.domain.model.knowledge.ArticleState;
import org.utilitydesk.domain.model.knowledge.ArticleVersion;
import org.utilitydesk.domain.model.file.AttachmentKind;
import org.utilitydesk.domain.model.knowledge.KnowledgeAttachment;
import org.utilitydesk.domain.model.knowledge.Audience;
import org.utilitydesk.domain.model.knowledge.IndexedArticle;
import org.utilitydesk.domain.model.knowledge.KnowledgeCategory;
import org.utilitydesk.domain.model.knowledge.KnowledgeQuery;
import org.utilitydesk.domain.model.knowledge.KnowledgeResults;
import org.utilitydesk.domain.model.knowledge.RevisionState;
import org.utilitydesk.domain.service.KnowledgeIndex;

/**
 * Keeps articles in the database and tells the index after each commit. Articles are locked while a
 * step changes them, so two people acting at once are served one after the other.
 */
@Stateless
public class DefaultKnowledgeBase implements KnowledgeBase {

    private static final Logger LOG = Logger.getLogger(DefaultKnowledgeBase.class.getName());
    static final int REINDEX_PAGE = 500;
    static final int MAX_QUERY_CHARS = 200;

    @PersistenceContext(unitName = "utilitydesk")
    private EntityManager em;

    @Resource
    private SessionContext context;

    @Inject
    private Clock clock;

    @Inject
    private KnowledgeIndex index;

    @Inject
    private KnowledgeReferenceData referenceData;

    @Inject
    private Event<ArticleChanged> changes;

    @Inject
    private AttachmentStore files;

    @Override
    public Article propose(String categoryCode, Audience audience, String language, ArticleContent content, String author) {
        Article article = new Article(category(categoryCode), audience, language, content, author, clock.instant());
        em.persist(article);
        em.flush();
        article.assignCode();
        changed(article);
        LOG.info(author + " proposed article " + article.getCode());
        return article;
    }

    @Override
    public Optional<Article> edit(String code, ArticleContent content, String author, String note) {
        Optional<Article> found = locked(code);
        found.ifPresent(a -> {
            ArticleVersion v = a.propose(content, author, clock.instant(), note);
            changed(a);
            LOG.info(author + " proposed v" + v.getVersionNo() + " of article " + code);
        });
        return found;
    }

    @Override
    public Optional<Article> act(String code, Action action, int versionNo, String actor, String note) {
        Optional<Article> found = locked(code);
        found.ifPresent(a -> {
            Instant now = clock.instant();
            switch (action) {
                case SUBMIT -> a.submit(versionNo, now);
                case APPROVE -> a.approve(versionNo, actor, note, now);
                case REJECT -> a.reject(versionNo, actor, note, now);
                case PUBLISH -> a.publish(versionNo, now);
                case RESTORE -> a.restore(versionNo, actor, now);
                case ARCHIVE -> a.archive(now);
            }
            changed(a);
            LOG.info(actor + " " + action + " article " + code + " v" + versionNo + " -> " + a.getState());
        });
        return found;
    }

    @Override
    public Optional<Article> reclassify(String code, String categoryCode, Audience audience, String actor) {
        Optional<Article> found = locked(code);
        found.ifPresent(a -> {
            a.reclassify(categoryCode == null ? null : category(categoryCode), audience, clock.instant());
            changed(a);
            LOG.info(actor + " reclassified article " + code + " as " + a.getCategory().getCode() + "/" + a.getAudience());
        });
        return found;
    }

    @Override
    public Optional<Article> find(String code) {
        return em.createNamedQuery("Article.findByCode", Article.class).setParameter("code", code).getResultStream().findFirst();
    }

    @Override
    public Optional<KnowledgeAttachment> attach(String code, String fileName, byte[] content, String actor) {
        String name = AttachmentKind.cleanName(fileName);
        AttachmentKind kind = AttachmentKind.check(name, content, AttachmentKind.DOCUMENTS, "knowledge.attachment");
        Optional<Article> found = locked(code);
        return found.map(a -> {
            KnowledgeAttachment attachment = new KnowledgeAttachment(a.getId(), name, kind.contentType(), content.length,
                    files.write(AttachmentStore.Shelf.KNOWLEDGE, a.getId(), content), actor, clock.instant());
            em.persist(attachment);
            em.flush();
            LOG.info(actor + " attached " + name + " (" + content.length + " bytes) to article " + code);
            return attachment;
        });
    }

    @Override
    public Optional<KnowledgeAttachment> reviewAttachment(String code, long attachmentId, boolean approve, String actor) {
        return locked(code).flatMap(a -> Optional.ofNullable(em.find(KnowledgeAttachment.class, attachmentId))
                .filter(k -> k.getArticleId() == a.getId())
                .map(k -> {
                    k.review(approve, actor, clock.instant(), a.getCategory().isFourEyes());
                    LOG.info(actor + (approve ? " approved " : " rejected ") + "attachment " + attachmentId + " ("
                            + k.getFileName() + ") of article " + code);
                    return k;
                }));
    }

    @Override
    public List<KnowledgeAttachment> attachments(long articleId) {
        return em.createNamedQuery("KnowledgeAttachment.ofArticle", KnowledgeAttachment.class)
                .setParameter("article", articleId).getResultList();
    }

    @Override
    public Map<Long, List<KnowledgeAttachment>> attachments(Collection<Long> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery("KnowledgeAttachment.ofArticles", KnowledgeAttachment.class)
                .setParameter("articles", List.copyOf(articleIds)).getResultStream()
                .collect(Collectors.groupingBy(KnowledgeAttachment::getArticleId));
    }

    @Override
    public Optional<StoredAttachment> attachment(String code, long attachmentId) {
        return find(code).flatMap(a -> Optional.ofNullable(em.find(KnowledgeAttachment.class, attachmentId))
                .filter(k -> k.getArticleId() == a.getId()))
                .map(k -> new StoredAttachment(k, files.resolve(AttachmentStore.Shelf.KNOWLEDGE, k.getStoragePath())));
    }

    @Override
    public Optional<Article> open(String code) {
        Optional<Article> found = find(code);
        found.ifPresent(a -> em.createNativeQuery("UPDATE kb_article SET view_count = view_count + 1 WHERE id = ?")
                .setParameter(1, a.getId()).executeUpdate());
        return found;
    }

    @Override
    public Optional<Article> vote(String code, String voter, boolean helpful) {
        Optional<Article> found = find(code);
        found.ifPresent(a -> {
            List<?> earlier = em.createNativeQuery("SELECT helpful FROM kb_vote WHERE article_id = ? AND voter = ? FOR UPDATE")
                    .setParameter(1, a.getId()).setParameter(2, voter).getResultList();
            Boolean previous = earlier.isEmpty() ? null : SqlValues.bool(earlier.get(0));
            if (previous != null && previous == helpful) {
                return;
            }
            em.createNativeQuery("INSERT INTO kb_vote (article_id, voter, helpful, voted_at) VALUES (?, ?, ?, ?) "
                            + "ON DUPLICATE KEY UPDATE helpful = VALUES(helpful), voted_at = VALUES(voted_at)")
                    .setParameter(1, a.getId()).setParameter(2, voter).setParameter(3, helpful)
                    .setParameter(4, java.sql.Timestamp.from(clock.instant())).executeUpdate();
            String counts = helpful ? "helpful_count = helpful_count + 1" : "not_helpful_count = not_helpful_count + 1";
            if (previous != null) {
                counts += previous ? ", helpful_count = helpful_count - 1" : ", not_helpful_count = not_helpful_count - 1";
            }
            em.createNativeQuery("UPDATE kb_article SET " + counts + " WHERE id = ?").setParameter(1, a.getId()).executeUpdate();
            em.refresh(a);
        });
        return found;
    }

    @Override
    public List<Article> reviewQueue() {
        return em.createNamedQuery("Article.pendingReview", Article.class)
                .setParameter("states", List.of(RevisionState.IN_REVIEW, RevisionState.APPROVED))
                .setParameter("pendingFile", KnowledgeAttachment.Review.PENDING).getResultList();
    }

    @Override
    public List<KnowledgeCategory> categories() {
        return referenceData.categories();
    }

    @Override
    public KnowledgeResults search(Search search) {
        String text = search.text() == null ? "" : search.text().strip();
        if (text.length() > MAX_QUERY_CHARS) {
            text = text.substring(0, MAX_QUERY_CHARS);
        }
        Set<Audience> audiences = search.scope() == Scope.PORTAL ? EnumSet.of(Audience.PUBLIC) : EnumSet.allOf(Audience.class);
        Set<ArticleState> states = search.scope() == Scope.EDITORIAL ? EnumSet.allOf(ArticleState.class)
                : EnumSet.of(ArticleState.PUBLISHED);
        return index.search(new KnowledgeQuery(text, referenceData.synonyms().alternatives(text), audiences, states,
                blankToNull(search.categoryCode()), blankToNull(search.tag()), search.offset(), search.limit()));
    }

    @Override
    public KnowledgeResults suggest(List<String> ivrPath, String reason, int limit) {
        boolean hasReason = reason != null && !reason.isBlank();
        StringBuilder text = new StringBuilder(hasReason ? reason.strip() : "");
        String category = null;
        Map<String, Object[]> rules = new java.util.HashMap<>();
        if (!ivrPath.isEmpty()) {
            jakarta.persistence.Query query = em.createNativeQuery("SELECT node_code, query, category_code FROM kb_suggestion_rule "
                    + "WHERE node_code IN (" + String.join(",", java.util.Collections.nCopies(ivrPath.size(), "?")) + ")");
            for (int i = 0; i < ivrPath.size(); i++) {
                query.setParameter(i + 1, ivrPath.get(i));
            }
            for (Object row : query.getResultList()) {
                Object[] rule = (Object[]) row;
                rules.put((String) rule[0], rule);
            }
        }
        // the deepest node of the path that has a rule says most about why the caller is here
        for (int i = ivrPath.size() - 1; i >= 0; i--) {
            Object[] rule = rules.get(ivrPath.get(i));
            if (rule != null) {
                text.append(' ').append(rule[1]);
                // a reason typed by the agent may lead elsewhere: keep to the category only without one
                category = hasReason ? null : (String) rule[2];
                break;
            }
        }
        if (text.toString().isBlank()) {
            return new KnowledgeResults(0, List.of(), Map.of(), 0);
        }
        return search(new Search(text.toString(), category, null, Scope.STAFF, 0, limit));
    }

    @Override
    public List<String> ivrPath(long callId) {
        return em.createNativeQuery("SELECT node_code FROM call_ivr_step WHERE call_id = ? ORDER BY seq")
                .setParameter(1, callId).getResultList().stream().map(String::valueOf).toList();
    }

    /** Each page in a transaction of its own (through the container), so a long rebuild never times one out. */
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int reindex() {
        KnowledgeBase self = context.getBusinessObject(KnowledgeBase.class);
        long after = 0;
        int done = 0;
        while (true) {
            List<Long> ids = self.articleIds(after, REINDEX_PAGE);
            if (ids.isEmpty()) {
                self.pruneIndex();
                return done;
            }
            done += self.index(ids);
            after = ids.get(ids.size() - 1);
        }
    }

    @Override
    public int pruneIndex() {
        java.util.Set<Long> stale = new java.util.HashSet<>(index.ids());
        long after = 0;
        while (true) {
            List<Long> ids = articleIds(after, 10_000);
            if (ids.isEmpty()) {
                break;
            }
            ids.forEach(stale::remove);
            after = ids.get(ids.size() - 1);
        }
        index.remove(stale);
        if (!stale.isEmpty()) {
            LOG.info("Removed " + stale.size() + " articles from the knowledge index that the database no longer has");
        }
        index.compact();
        return stale.size();
    }

    @Override
    public List<Long> articleIds(long afterId, int limit) {
        return em.createQuery("SELECT a.id FROM Article a WHERE a.id > :after ORDER BY a.id", Long.class)
                .setParameter("after", afterId).setMaxResults(limit).getResultList();
    }

    @Override
    public int index(List<Long> articleIds) {
        if (articleIds.isEmpty()) {
            return 0;
        }
        List<IndexedArticle> docs = new ArrayList<>(articleIds.size());
        for (Object[] row : em.createQuery("SELECT a, v FROM Article a JOIN a.versions v "
                        + "WHERE v.versionNo = a.currentVersion AND a.id IN :ids", Object[].class)
                .setParameter("ids", articleIds).getResultList()) {
            docs.add(IndexedArticle.of((Article) row[0], (ArticleVersion) row[1]));
        }
        index.put(docs);
        return docs.size();
    }

    private void changed(Article a) {
        changes.fire(new ArticleChanged(IndexedArticle.of(a)));
    }

    private Optional<Article> locked(String code) {
        return em.createNamedQuery("Article.findByCode", Article.class).setParameter("code", code)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    private KnowledgeCategory category(String code) {
        return em.createNamedQuery("KnowledgeCategory.findByCode", KnowledgeCategory.class).setParameter("code", code)
                .getResultStream().findFirst().orElseThrow(() -> new UnknownCategoryException(code));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
