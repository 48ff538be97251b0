package org.utilitydesk.domain.model.knowledge;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.utilitydesk.domain.model.knowledge.ArticleWorkflowException.Reason;

/**
 * A knowledge article and the history of its versions. Agents see the live (published) version; an
 * edit is a new version that goes through review without touching the live one until a supervisor
 * publishes it. Every step is guarded here: a step that does not fit throws {@link ArticleWorkflowException}.
 */
@Entity
@Table(name = "kb_article")
@NamedQuery(name = "Article.findByCode", query = "SELECT a FROM Article a WHERE a.code = :code")
// what waits for an editor or a supervisor: a version in review or approved, or a file not yet reviewed; the
// queue's articles come with their versions and categories in one more query each, not one per article
@NamedQuery(name = "Article.pendingReview", query = "SELECT a FROM Article a WHERE EXISTS (SELECT v FROM ArticleVersion v"
        + " WHERE v.article = a AND v.state IN :states) OR EXISTS (SELECT k FROM KnowledgeAttachment k"
        + " WHERE k.articleId = a.id AND k.review = :pendingFile) ORDER BY a.updatedAt", hints = {
            @QueryHint(name = "eclipselink.batch", value = "a.versions"),
            @QueryHint(name = "eclipselink.batch", value = "a.category"),
            @QueryHint(name = "eclipselink.batch.type", value = "IN")})
public class Article {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 16)
    private String code;

    @ManyToOne(optional = false)
    @JoinColumn(name = "category_id", nullable = false)
    private KnowledgeCategory category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ArticleState state;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Audience audience;

    @Column(nullable = false, length = 10)
    private String language;

    @Column(name = "current_version", nullable = false)
    private int currentVersion;

    @Column(name = "view_count", nullable = false)
    private long viewCount;

    @Column(name = "helpful_count", nullable = false)
    private long helpfulCount;

    @Column(name = "not_helpful_count", nullable = false)
    private long notHelpfulCount;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "article", cascade = CascadeType.ALL)
    @OrderBy("versionNo")
    private List<ArticleVersion> versions = new ArrayList<>();

    protected Article() {
    }

    /** A new article proposed by anyone on the staff: a draft with its first version. */
    public Article(KnowledgeCategory category, Audience audience, String language, ArticleContent content,
                   String author, Instant now) {
        // unique until the id is known and assignCode() numbers it
        this.code = "N" + Long.toString(java.util.UUID.randomUUID().getMostSignificantBits() >>> 2, 36);
        this.category = category;
        this.audience = audience;
        this.language = language;
        this.state = ArticleState.DRAFT;
        this.currentVersion = 1;
        this.createdBy = author;
        this.createdAt = now;
        this.updatedAt = now;
        versions.add(new ArticleVersion(this, 1, content, author, now, null));
    }

    /**
     * Proposes new text. A draft still being written is rewritten in place; otherwise a new draft version
     * is added (the live version stays live). Refused while another version is in review or approved.
     */
    public ArticleVersion propose(ArticleContent content, String author, Instant now, String note) {
        if (state == ArticleState.ARCHIVED) {
            throw new ArticleWorkflowException(Reason.ARCHIVED, code);
        }
        Optional<ArticleVersion> pending = pending();
        ArticleVersion target;
        if (pending.isPresent()) {
            target = pending.get();
            if (target.getState() != RevisionState.DRAFT) {
                throw new ArticleWorkflowException(Reason.ALREADY_PENDING, code + " v" + target.getVersionNo());
            }
            target.write(content, author, now, note);
        } else {
            target = new ArticleVersion(this, latestVersionNo() + 1, content, author, now, note);
            versions.add(target);
        }
        if (state != ArticleState.PUBLISHED) {
            currentVersion = target.getVersionNo();
        }
        updatedAt = now;
        return target;
    }

    /** An editor or supervisor files the article under another category or changes who may read it. */
    public void reclassify(KnowledgeCategory newCategory, Audience newAudience, Instant now) {
        if (state == ArticleState.ARCHIVED) {
            throw new ArticleWorkflowException(Reason.ARCHIVED, code);
        }
        category = newCategory == null ? category : newCategory;
        audience = newAudience == null ? audience : newAudience;
        updatedAt = now;
    }

    /** Sends a draft to the editors. Submitting what is already in review changes nothing. */
    public ArticleVersion submit(int versionNo, Instant now) {
        ArticleVersion v = version(versionNo);
        if (v.getState() == RevisionState.IN_REVIEW) {
            return v;
        }
        if (v.getState() != RevisionState.DRAFT) {
            throw new ArticleWorkflowException(Reason.NOT_DRAFT, code + " v" + versionNo + " " + v.getState());
        }
        v.moveTo(RevisionState.IN_REVIEW);
        if (state == ArticleState.DRAFT) {
            state = ArticleState.IN_REVIEW;
        }
        updatedAt = now;
        return v;
    }

    /**
     * An editor approves a version in review; a supervisor can then publish it. Approving twice changes nothing. Four
     * eyes: who wrote the version last does not approve it, unless its category is let off.
     */
    public ArticleVersion approve(int versionNo, String editor, String note, Instant now) {
        ArticleVersion v = version(versionNo);
        if (v.getState() == RevisionState.APPROVED) {
            return v;
        }
        if (v.getState() != RevisionState.IN_REVIEW) {
            throw new ArticleWorkflowException(Reason.NOT_IN_REVIEW, code + " v" + versionNo + " " + v.getState());
        }
        boolean fourEyes = category == null || category.isFourEyes();
        if (fourEyes && editor.equals(v.getChangedBy())) {
            throw new ArticleWorkflowException(Reason.OWN_WORK, code + " v" + versionNo + " written by " + editor);
        }
        v.moveTo(RevisionState.APPROVED);
        v.reviewed(editor, now, note);
        updatedAt = now;
        return v;
    }

    /** An editor (or supervisor) sends a version in review or approved back to its author as a draft, saying why. */
    public ArticleVersion reject(int versionNo, String reviewer, String note, Instant now) {
        ArticleVersion v = version(versionNo);
        if (v.getState() != RevisionState.IN_REVIEW && v.getState() != RevisionState.APPROVED) {
            throw new ArticleWorkflowException(Reason.NOT_IN_REVIEW, code + " v" + versionNo + " " + v.getState());
        }
        v.moveTo(RevisionState.DRAFT);
        v.reviewed(reviewer, now, note);
        if (state == ArticleState.IN_REVIEW) {
            state = ArticleState.DRAFT;
        }
        updatedAt = now;
        return v;
    }

    /**
     * A supervisor publishes an approved version: it becomes the live one, the one before is superseded,
     * and an archived article comes back. Publishing the live version again changes nothing.
     */
    public ArticleVersion publish(int versionNo, Instant now) {
        ArticleVersion v = version(versionNo);
        if (v.getState() == RevisionState.PUBLISHED && state == ArticleState.PUBLISHED) {
            return v;
        }
        if (v.getState() != RevisionState.APPROVED) {
            throw new ArticleWorkflowException(Reason.NOT_APPROVED, code + " v" + versionNo + " " + v.getState());
        }
        goLive(v, now);
        return v;
    }

    /**
     * A supervisor restores an earlier reviewed version: its text becomes a new version, published at
     * once (it was reviewed when it was first published). History is never rewritten.
     */
    public ArticleVersion restore(int versionNo, String supervisor, Instant now) {
        ArticleVersion old = version(versionNo);
        if (old.getState() != RevisionState.SUPERSEDED && old.getState() != RevisionState.PUBLISHED) {
            throw new ArticleWorkflowException(Reason.NOT_PUBLISHED, code + " v" + versionNo + " " + old.getState());
        }
        if (pending().isPresent()) {
            throw new ArticleWorkflowException(Reason.ALREADY_PENDING, code + " v" + pending().get().getVersionNo());
        }
        ArticleVersion copy = new ArticleVersion(this, latestVersionNo() + 1, old.content(), supervisor, now,
                "restored v" + versionNo);
        copy.reviewed(supervisor, now, "restored v" + versionNo);
        versions.add(copy);
        goLive(copy, now);
        return copy;
    }

    /** A supervisor archives the article: agents and customers no longer find it. Archiving twice changes nothing. */
    public void archive(Instant now) {
        if (state == ArticleState.ARCHIVED) {
            return;
        }
        state = ArticleState.ARCHIVED;
        updatedAt = now;
    }

    private void goLive(ArticleVersion v, Instant now) {
        for (ArticleVersion other : versions) {
            if (other != v && other.getState() == RevisionState.PUBLISHED) {
                other.moveTo(RevisionState.SUPERSEDED);
            }
        }
        v.moveTo(RevisionState.PUBLISHED);
        currentVersion = v.getVersionNo();
        state = ArticleState.PUBLISHED;
        publishedAt = now;
        updatedAt = now;
    }

    /** The version agents and customers read: the published one, or for an article never published, its latest. */
    public ArticleVersion live() {
        return versions.stream().filter(v -> v.getVersionNo() == currentVersion).findFirst()
                .orElseGet(() -> versions.get(versions.size() - 1));
    }

    /** The version being written or reviewed, if any. */
    public Optional<ArticleVersion> pending() {
        return versions.stream().filter(v -> v.getState().isPending()).max(Comparator.comparingInt(ArticleVersion::getVersionNo));
    }

    public ArticleVersion version(int versionNo) {
        return versions.stream().filter(v -> v.getVersionNo() == versionNo).findFirst()
                .orElseThrow(() -> new ArticleWorkflowException(Reason.NO_SUCH_VERSION, code + " v" + versionNo));
    }

    private int latestVersionNo() {
        return versions.stream().mapToInt(ArticleVersion::getVersionNo).max().orElse(0);
    }

    /** Whether agents (and, for public ones, customers) find it. */
    public boolean isSearchable() {
        return state == ArticleState.PUBLISHED;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    /** Numbers the article from its id once it has one: KB + 6 digits (the starter articles are KBS001…). */
    public void assignCode() {
        code = "KB" + String.format("%06d", id);
    }

    public KnowledgeCategory getCategory() {
        return category;
    }

    public ArticleState getState() {
        return state;
    }

    public Audience getAudience() {
        return audience;
    }

    public String getLanguage() {
        return language;
    }

    public int getCurrentVersion() {
        return currentVersion;
    }

    public long getViewCount() {
        return viewCount;
    }

    public long getHelpfulCount() {
        return helpfulCount;
    }

    public long getNotHelpfulCount() {
        return notHelpfulCount;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    public List<ArticleVersion> getVersions() {
        return List.copyOf(versions);
    }
}
