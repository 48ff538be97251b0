package org.utilitydesk.domain.model.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleTest {

    private static final Instant T = Instant.parse("2026-11-23T02:00:00Z");
    private final ArticleContent first = new ArticleContent("停电怎么办", null, "先看邻居家是否有电。", null, null, List.of("停电", " ", "停电"));
    private final ArticleContent second = new ArticleContent("停电怎么办（新）", null, "先看邻居家和楼道灯是否有电。", null, null, List.of());

    @Test
    void aProposalIsReviewedThenPublished() {
        Article a = new Article(null, Audience.PUBLIC, "zh_CN", first, "agent01", T);
        assertThat(a.getState()).isEqualTo(ArticleState.DRAFT);
        assertThat(a.live().content().tags()).containsExactly("停电");
        a.submit(1, T);
        assertThat(a.getState()).isEqualTo(ArticleState.IN_REVIEW);
        assertThatThrownBy(() -> a.publish(1, T)).isInstanceOf(ArticleWorkflowException.class)
                .extracting(e -> ((ArticleWorkflowException) e).reason()).isEqualTo(ArticleWorkflowException.Reason.NOT_APPROVED);
        a.approve(1, "editor", "ok", T);
        a.approve(1, "editor", "ok", T);
        a.publish(1, T);
        assertThat(a.getState()).isEqualTo(ArticleState.PUBLISHED);
        assertThat(a.isSearchable()).isTrue();
    }

    @Test
    void nobodyApprovesWhatTheyWroteUnlessTheCategoryLetsThemOff() {
        Article own = new Article(new KnowledgeCategory("BUSINESS", true), Audience.PUBLIC, "zh_CN", first, "editor", T);
        own.submit(1, T);
        assertThatThrownBy(() -> own.approve(1, "editor", "ok", T)).isInstanceOf(ArticleWorkflowException.class)
                .extracting(e -> ((ArticleWorkflowException) e).reason()).isEqualTo(ArticleWorkflowException.Reason.OWN_WORK);
        assertThat(own.version(1).getState()).isEqualTo(RevisionState.IN_REVIEW);
        own.approve(1, "editor2", "ok", T);
        assertThat(own.version(1).getState()).isEqualTo(RevisionState.APPROVED);

        // who edited the version last wrote it
        Article edited = published();
        edited.propose(second, "agent02", T, null);
        edited.version(2).write(second, "editor", T, "措辞");
        edited.submit(2, T);
        assertThatThrownBy(() -> edited.approve(2, "editor", null, T)).isInstanceOf(ArticleWorkflowException.class);

        Article smallTeam = new Article(new KnowledgeCategory("LOCAL", false), Audience.INTERNAL, "zh_CN", first, "editor", T);
        smallTeam.submit(1, T);
        assertThat(smallTeam.approve(1, "editor", "ok", T).getState()).isEqualTo(RevisionState.APPROVED);
    }

    @Test
    void anEditStaysOutOfSightUntilPublishedAndTheOldTextCanComeBack() {
        Article a = published();
        ArticleVersion v2 = a.propose(second, "agent02", T, "补充楼道灯");
        assertThat(v2.getVersionNo()).isEqualTo(2);
        assertThat(a.live().getVersionNo()).isEqualTo(1);
        assertThatThrownBy(() -> a.submit(1, T)).isInstanceOf(ArticleWorkflowException.class);
        a.submit(2, T);
        assertThatThrownBy(() -> a.propose(second, "agent03", T, null))
                .extracting(e -> ((ArticleWorkflowException) e).reason()).isEqualTo(ArticleWorkflowException.Reason.ALREADY_PENDING);
        a.approve(2, "editor", null, T);
        a.publish(2, T);
        assertThat(a.live().getTitle()).isEqualTo("停电怎么办（新）");
        assertThat(a.version(1).getState()).isEqualTo(RevisionState.SUPERSEDED);

        ArticleVersion v3 = a.restore(1, "supervisor", T);
        assertThat(v3.getVersionNo()).isEqualTo(3);
        assertThat(a.live().getTitle()).isEqualTo("停电怎么办");
        assertThat(a.version(2).getState()).isEqualTo(RevisionState.SUPERSEDED);
    }

    @Test
    void aRejectedVersionGoesBackToItsAuthorAndAnArchivedArticleTakesNoEdits() {
        Article a = published();
        a.propose(second, "agent02", T, null);
        a.submit(2, T);
        a.reject(2, "editor", "请注明来源", T);
        assertThat(a.version(2).getState()).isEqualTo(RevisionState.DRAFT);
        assertThat(a.version(2).getReviewNote()).isEqualTo("请注明来源");
        assertThat(a.propose(second, "agent02", T, "已注明").getVersionNo()).as("the draft is rewritten in place").isEqualTo(2);

        a.archive(T);
        assertThat(a.isSearchable()).isFalse();
        assertThatThrownBy(() -> a.propose(first, "agent01", T, null))
                .extracting(e -> ((ArticleWorkflowException) e).reason()).isEqualTo(ArticleWorkflowException.Reason.ARCHIVED);
    }

    private Article published() {
        Article a = new Article(null, Audience.PUBLIC, "zh_CN", first, "agent01", T);
        a.submit(1, T);
        a.approve(1, "editor", null, T);
        a.publish(1, T);
        return a;
    }
}
