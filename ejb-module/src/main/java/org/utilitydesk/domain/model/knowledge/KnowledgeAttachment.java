package org.utilitydesk.domain.model.knowledge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.utilitydesk.domain.model.file.StoredFile;

/**
 * A file attached to an article (a photo of a meter box, a form as PDF); the bytes live on disk. Like a version of the
 * text, a file is reviewed before customers see it: it is {@link Review#PENDING} until an editor other than its
 * uploader (where the category wants four eyes) approves or rejects it. Staff see it all along, marked; the portal
 * serves approved files only.
 */
@Entity
@Table(name = "kb_attachment")
@NamedQuery(name = "KnowledgeAttachment.ofArticle",
        query = "SELECT k FROM KnowledgeAttachment k WHERE k.articleId = :article ORDER BY k.id")
@NamedQuery(name = "KnowledgeAttachment.ofArticles",
        query = "SELECT k FROM KnowledgeAttachment k WHERE k.articleId IN :articles ORDER BY k.id")
public class KnowledgeAttachment extends StoredFile {

    /** Where a file stands in its review. */
    public enum Review { PENDING, APPROVED, REJECTED }

    @Column(name = "article_id", nullable = false)
    private long articleId;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_state", nullable = false, length = 16)
    private Review review = Review.PENDING;

    @Column(name = "reviewed_by", length = 64)
    private String reviewedBy;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    protected KnowledgeAttachment() {
    }

    public KnowledgeAttachment(long articleId, String fileName, String contentType, long sizeBytes, String storagePath,
                               String uploadedBy, Instant uploadedAt) {
        super(fileName, contentType, sizeBytes, storagePath, uploadedBy, uploadedAt);
        this.articleId = articleId;
    }

    public long getArticleId() {
        return articleId;
    }

    public Review getReview() {
        return review;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }

    /**
     * An editor's decision on the file. A pending file is decided once (the same decision again, a double click,
     * changes nothing; the other one is refused); with four eyes its uploader may not approve it (rejecting their own
     * upload is allowed: it takes nothing further).
     */
    public void review(boolean approve, String editor, Instant now, boolean fourEyes) {
        Review decided = approve ? Review.APPROVED : Review.REJECTED;
        if (review == decided) {
            return;
        }
        if (review != Review.PENDING) {
            throw new ArticleWorkflowException(ArticleWorkflowException.Reason.FILE_REVIEWED, getFileName() + " " + review);
        }
        if (approve && fourEyes && editor.equals(getUploadedBy())) {
            throw new ArticleWorkflowException(ArticleWorkflowException.Reason.OWN_FILE, getFileName() + " uploaded by " + editor);
        }
        review = decided;
        reviewedBy = editor;
        reviewedAt = now;
    }
}
