package org.utilitydesk.domain.model.knowledge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One version of an article: its text, who wrote it and when, and where it stands in review. */
@Entity
@Table(name = "kb_article_version")
public class ArticleVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "article_id", nullable = false)
    private Article article;

    @Column(name = "version_no", nullable = false)
    private int versionNo;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(columnDefinition = "TEXT")
    private String question;

    @Column(nullable = false, columnDefinition = "MEDIUMTEXT")
    private String answer;

    @Column(name = "fault_cause", columnDefinition = "TEXT")
    private String faultCause;

    @Column(columnDefinition = "TEXT")
    private String solution;

    @Column(length = 255)
    private String tags;

    @Column(name = "changed_by", nullable = false, length = 64)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "change_note", length = 255)
    private String changeNote;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RevisionState state;

    @Column(name = "reviewed_by", length = 64)
    private String reviewedBy;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    @Column(name = "review_note", length = 255)
    private String reviewNote;

    protected ArticleVersion() {
    }

    ArticleVersion(Article article, int versionNo, ArticleContent content, String author, Instant now, String note) {
        this.article = article;
        this.versionNo = versionNo;
        this.state = RevisionState.DRAFT;
        write(content, author, now, note);
    }

    void write(ArticleContent content, String author, Instant now, String note) {
        this.title = content.title();
        this.question = content.question();
        this.answer = content.answer();
        this.faultCause = content.faultCause();
        this.solution = content.solution();
        this.tags = content.tagText();
        this.changedBy = author;
        this.changedAt = now;
        this.changeNote = note == null || note.isBlank() ? null : truncate(note.strip(), 255);
    }

    void moveTo(RevisionState next) {
        this.state = next;
    }

    void reviewed(String reviewer, Instant now, String note) {
        this.reviewedBy = reviewer;
        this.reviewedAt = now;
        this.reviewNote = note == null || note.isBlank() ? null : truncate(note.strip(), 255);
    }

    public ArticleContent content() {
        return new ArticleContent(title, question, answer, faultCause, solution, ArticleContent.parseTags(tags));
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public Article getArticle() {
        return article;
    }

    public int getVersionNo() {
        return versionNo;
    }

    public String getTitle() {
        return title;
    }

    public String getQuestion() {
        return question;
    }

    public String getAnswer() {
        return answer;
    }

    public String getFaultCause() {
        return faultCause;
    }

    public String getSolution() {
        return solution;
    }

    public String getTags() {
        return tags;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getChangeNote() {
        return changeNote;
    }

    public RevisionState getState() {
        return state;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }

    public String getReviewNote() {
        return reviewNote;
    }
}
