package org.utilitydesk.interfaces.facade;

import java.time.Instant;
import java.util.List;

/** An article as the desk and the API show it: the live text, counters, and every version's history. */
public record ArticleView(String code, String state, String audience, String language, String category,
                          String categoryName, int liveVersion, String title, String question, String answer,
                          String faultCause, String solution, List<String> tags, long views, long helpful,
                          long notHelpful, String createdBy, Instant createdAt, Instant publishedAt, Instant updatedAt,
                          Version pending, List<Version> versions, List<Attachment> attachments) {

    /**
     * A file attached to the article; {@code review} is PENDING, APPROVED or REJECTED (the portal lists approved files
     * only, without who uploaded or reviewed them).
     */
    public record Attachment(long id, String fileName, String contentType, long sizeBytes, String uploadedBy,
                             Instant uploadedAt, String review, String reviewedBy) {

        static Attachment of(org.utilitydesk.domain.model.knowledge.KnowledgeAttachment x) {
            return new Attachment(x.getId(), x.getFileName(), x.getContentType(), x.getSizeBytes(), x.getUploadedBy(),
                    x.getUploadedAt(), x.getReview().name(), x.getReviewedBy());
        }

        public boolean pending() {
            return "PENDING".equals(review);
        }
    }

    /** Whether a file of the article waits for review. */
    public boolean attachmentPending() {
        return attachments.stream().anyMatch(Attachment::pending);
    }

    /** One version with its review trail. */
    public record Version(int versionNo, String state, String title, String question, String answer, String faultCause,
                          String solution, List<String> tags, String changedBy, Instant changedAt, String changeNote,
                          String reviewedBy, Instant reviewedAt, String reviewNote) {
    }
}
