package org.utilitydesk.domain.model.knowledge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.utilitydesk.domain.model.file.StoredFile;

/** A file attached to an article (a photo of a meter box, a form as PDF); the bytes live on disk. */
@Entity
@Table(name = "kb_attachment")
@NamedQuery(name = "KnowledgeAttachment.ofArticle",
        query = "SELECT k FROM KnowledgeAttachment k WHERE k.articleId = :article ORDER BY k.id")
@NamedQuery(name = "KnowledgeAttachment.ofArticles",
        query = "SELECT k FROM KnowledgeAttachment k WHERE k.articleId IN :articles ORDER BY k.id")
public class KnowledgeAttachment extends StoredFile {

    @Column(name = "article_id", nullable = false)
    private long articleId;

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
}
