package org.utilitydesk.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.utilitydesk.domain.model.knowledge.Article;
import org.utilitydesk.domain.model.knowledge.ArticleContent;
import org.utilitydesk.domain.model.knowledge.Audience;
import org.utilitydesk.domain.model.knowledge.KnowledgeAttachment;
import org.utilitydesk.domain.model.knowledge.KnowledgeCategory;
import org.utilitydesk.domain.model.knowledge.KnowledgeResults;

/**
 * The knowledge base: anyone on the staff proposes articles and edits, editors review them, supervisors
 * publish, archive and restore; agents and the portal search what is published for them. Every change
 * reaches the search index once its transaction has committed, never before and never for one rolled back.
 */
public interface KnowledgeBase {

    /** Steps of the review workflow; who may take which is decided by the caller's role. */
    enum Action {
        SUBMIT,
        APPROVE,
        REJECT,
        PUBLISH,
        RESTORE,
        ARCHIVE
    }

    /** Who is searching, which decides what they find. */
    enum Scope {
        /** Agents and supervisors: published articles, internal and public. */
        STAFF,
        /** Customers on the portal: published public articles only. */
        PORTAL,
        /** Editors: every state, including drafts and archived articles. */
        EDITORIAL
    }

    record Search(String text, String categoryCode, String tag, Scope scope, int offset, int limit) {
    }

    /** A new article, a draft with its first version; throws {@link UnknownCategoryException}. */
    Article propose(String categoryCode, Audience audience, String language, ArticleContent content, String author);

    /** Proposes new text for an article; empty if there is no such article. */
    Optional<Article> edit(String code, ArticleContent content, String author, String note);

    /** One workflow step on one version; empty if there is no such article. */
    Optional<Article> act(String code, Action action, int versionNo, String actor, String note);

    /** Files the article under another category or audience; empty if there is no such article. */
    Optional<Article> reclassify(String code, String categoryCode, Audience audience, String actor);

    Optional<Article> find(String code);

    /**
     * Attaches a file to an article: checked for size ({@link org.utilitydesk.domain.model.file.AttachmentKind#MAX_BYTES}),
     * kind (by name and by its first bytes); throws {@link org.utilitydesk.domain.model.file.AttachmentRejectedException}.
     * Empty if there is no such article.
     */
    Optional<KnowledgeAttachment> attach(String code, String fileName, byte[] content, String actor);

    /**
     * An editor approves or rejects a pending attachment (the portal serves approved ones only); with four eyes in the
     * article's category, not one they uploaded. Throws {@link org.utilitydesk.domain.model.knowledge.ArticleWorkflowException}
     * if the file is not pending or is the editor's own. Empty if there is no such article or attachment.
     */
    Optional<KnowledgeAttachment> reviewAttachment(String code, long attachmentId, boolean approve, String actor);

    List<KnowledgeAttachment> attachments(long articleId);

    /** The attachments of several articles in one read, by article id (articles without any are left out). */
    Map<Long, List<KnowledgeAttachment>> attachments(Collection<Long> articleIds);

    /** One attachment of the article and where its bytes are; empty if either does not exist. */
    Optional<StoredAttachment> attachment(String code, long attachmentId);

    /** An attachment and the file holding its bytes. */
    record StoredAttachment(KnowledgeAttachment attachment, java.nio.file.Path file) {
    }

    /** The article as a reader opens it: counts the view. */
    Optional<Article> open(String code);

    /** One vote per person and article; voting again replaces the earlier vote. */
    Optional<Article> vote(String code, String voter, boolean helpful);

    /** Articles with a version waiting for an editor or a supervisor, oldest change first. */
    List<Article> reviewQueue();

    List<KnowledgeCategory> categories();

    KnowledgeResults search(Search search);

    /**
     * The top articles for a call: from the deepest node of its IVR path that has a suggestion rule
     * (kb_suggestion_rule), and from the reason the agent typed, if any. Staff scope.
     */
    KnowledgeResults suggest(List<String> ivrPath, String reason, int limit);

    /** The IVR path a call took (node codes in order); empty for a call that never reached the IVR. */
    List<String> ivrPath(long callId);

    /**
     * Rebuilds the search index from the database: indexes every article in pages, then drops what the
     * database no longer has. Searches keep finding everything meanwhile. Returns how many were indexed.
     */
    int reindex();

    /**
     * Removes from the index the articles the database no longer has and merges what is left into few parts;
     * returns how many were removed (the last step of a rebuild, by the reindex job or at start-up).
     */
    int pruneIndex();

    /** Ids of articles after the given one, ascending: the reindex job's pages. */
    List<Long> articleIds(long afterId, int limit);

    /** Puts these articles' live versions into the index; returns how many were found. */
    int index(List<Long> articleIds);

    /** Thrown when an article names a category that does not exist; a refusal, not a failure. */
    @jakarta.ejb.ApplicationException(rollback = true)
    class UnknownCategoryException extends RuntimeException {
        public UnknownCategoryException(String code) {
            super("no knowledge category " + code);
        }
    }
}
