package org.utilitydesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.utilitydesk.application.KnowledgeBase;
import org.utilitydesk.domain.model.knowledge.Article;
import org.utilitydesk.domain.model.knowledge.ArticleContent;
import org.utilitydesk.domain.model.knowledge.Audience;
import org.utilitydesk.domain.model.knowledge.KnowledgeHit;

/**
 * The search index follows the database's commits: a change in a transaction that rolls back is never
 * searchable, the same change committed is. Runs inside the server, where the test owns the transaction.
 */
@ExtendWith(ArquillianExtension.class)
class KnowledgeIndexTransactionIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.realEarWith(KnowledgeIndexTransactionIT.class);
    }

    @Inject
    private KnowledgeBase knowledge;

    @Inject
    private UserTransaction transaction;

    @Test
    void aRolledBackChangeIsNeverSearchableAndACommittedOneIs() throws Exception {
        String kept = word();
        String dropped = word();
        String edited = word();
        Article article = knowledge.propose("FAULT", Audience.INTERNAL, "zh", content(kept), "it");
        await().atMost(Duration.ofSeconds(10)).until(() -> found(kept).contains(article.getCode()));

        transaction.begin();
        try {
            knowledge.propose("FAULT", Audience.INTERNAL, "zh", content(dropped), "it");
            assertThat(knowledge.edit(article.getCode(), content(edited), "it", "回滚测试")).isPresent();
        } finally {
            transaction.rollback();
        }
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
                .until(() -> found(dropped).isEmpty() && found(edited).isEmpty());
        assertThat(found(kept)).as("the committed text is still what is found").containsExactly(article.getCode());

        // the same edit committed is searchable: the check above could have failed
        assertThat(knowledge.edit(article.getCode(), content(edited), "it", "提交测试")).isPresent();
        await().atMost(Duration.ofSeconds(10)).until(() -> found(edited).contains(article.getCode()));
    }

    private List<String> found(String word) {
        return knowledge.search(new KnowledgeBase.Search(word, null, null, KnowledgeBase.Scope.EDITORIAL, 0, 10))
                .hits().stream().map(KnowledgeHit::code).toList();
    }

    private static ArticleContent content(String word) {
        return new ArticleContent("索引事务测试 " + word, null, "只用于测试索引与事务：" + word, null, null, List.of());
    }

    /** A word no article contains: lower-case letters only, so the analysers keep it whole. */
    private static String word() {
        StringBuilder w = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            w.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return w.toString();
    }
}
