package org.utilitydesk.domain.model.knowledge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A file attached to an article (a photo of a meter box, a form as PDF); the bytes live on disk. */
@Entity
@Table(name = "kb_attachment")
@NamedQuery(name = "KnowledgeAttachment.ofArticle",
        query = "SELECT k FROM KnowledgeAttachment k WHERE k.articleId = :article ORDER BY k.id")
@NamedQuery(name = "KnowledgeAttachment.ofArticles",
        query = "SELECT k FROM KnowledgeAttachment k WHERE k.articleId IN :articles ORDER BY k.id")
public class KnowledgeAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "article_id", nullable = false)
    private long articleId;

    @Column(name = "file_name", nullable = false, length = 200)
    private String fileName;

    @Column(name = "content_type", nullable = false, length = 100)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "storage_path", nullable = false, length = 255)
    private String storagePath;

    @Column(name = "uploaded_by", length = 64)
    private String uploadedBy;

    @Column(name = "uploaded_at")
    private Instant uploadedAt;

    protected KnowledgeAttachment() {
    }

    public KnowledgeAttachment(long articleId, String fileName, String contentType, long sizeBytes, String storagePath,
                               String uploadedBy, Instant uploadedAt) {
        this.articleId = articleId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.storagePath = storagePath;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    public Long getId() {
        return id;
    }

    public long getArticleId() {
        return articleId;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getStoragePath() {
        return storagePath;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }
}
