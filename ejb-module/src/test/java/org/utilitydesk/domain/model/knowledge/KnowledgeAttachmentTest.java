package org.utilitydesk.domain.model.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class KnowledgeAttachmentTest {

    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");

    private static KnowledgeAttachment uploadedBy(String user) {
        return new KnowledgeAttachment(1L, "meter-box.png", "image/png", 100, "1/x.png", user, NOW);
    }

    @Test
    void aNewFileWaitsForReview() {
        assertThat(uploadedBy("agent01").getReview()).isEqualTo(KnowledgeAttachment.Review.PENDING);
    }

    @Test
    void anotherEditorApprovesOnce() {
        KnowledgeAttachment file = uploadedBy("agent01");
        file.review(true, "editor", NOW, true);
        assertThat(file.getReview()).isEqualTo(KnowledgeAttachment.Review.APPROVED);
        assertThat(file.getReviewedBy()).isEqualTo("editor");
        assertThat(file.getReviewedAt()).isEqualTo(NOW);
        file.review(true, "editor2", NOW.plusSeconds(1), true);
        assertThat(file.getReviewedBy()).as("a double click changes nothing").isEqualTo("editor");
        assertThatThrownBy(() -> file.review(false, "editor2", NOW, true))
                .isInstanceOfSatisfying(ArticleWorkflowException.class,
                        e -> assertThat(e.reason()).isEqualTo(ArticleWorkflowException.Reason.FILE_REVIEWED));
    }

    @Test
    void withFourEyesTheUploaderMayRejectButNotApprove() {
        KnowledgeAttachment file = uploadedBy("editor");
        assertThatThrownBy(() -> file.review(true, "editor", NOW, true))
                .isInstanceOfSatisfying(ArticleWorkflowException.class,
                        e -> assertThat(e.reason()).isEqualTo(ArticleWorkflowException.Reason.OWN_FILE));
        assertThat(file.getReview()).isEqualTo(KnowledgeAttachment.Review.PENDING);
        file.review(false, "editor", NOW, true);
        assertThat(file.getReview()).isEqualTo(KnowledgeAttachment.Review.REJECTED);
    }

    @Test
    void withoutFourEyesTheUploaderMayApprove() {
        KnowledgeAttachment file = uploadedBy("editor");
        file.review(true, "editor", NOW, false);
        assertThat(file.getReview()).isEqualTo(KnowledgeAttachment.Review.APPROVED);
    }
}
