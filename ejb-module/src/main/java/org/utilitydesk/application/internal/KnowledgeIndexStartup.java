package org.utilitydesk.application.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.utilitydesk.application.KnowledgeBase;
import org.utilitydesk.domain.service.KnowledgeIndex;

/**
 * Rebuilds the knowledge index in the background at start-up when it was lost (missing, unreadable,
 * another layout) or does not hold as many articles as the database (changes made while the application
 * was down, or committed but not indexed).
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "LuceneKnowledgeIndex"})
public class KnowledgeIndexStartup {

    private static final Logger LOG = Logger.getLogger(KnowledgeIndexStartup.class.getName());

    @Inject
    private KnowledgeIndex index;

    @Inject
    private KnowledgeBase knowledge;

    @PersistenceContext(unitName = "utilitydesk")
    private EntityManager em;

    @Resource
    private ManagedExecutorService executor;

    private java.util.concurrent.Future<?> rebuild;

    /** An undeployment drops a rebuild not yet begun (one under way fails at its next page); the next start-up rebuilds. */
    @jakarta.annotation.PreDestroy
    void stop() {
        if (rebuild != null && !rebuild.isDone()) {
            rebuild.cancel(false);
            LOG.info("Knowledge index rebuild interrupted by the undeployment");
        }
    }

    @PostConstruct
    void check() {
        long articles = em.createQuery("SELECT COUNT(a) FROM Article a", Long.class).getSingleResult();
        long indexed = index.size();
        if (!index.wasLostAtStart() && indexed == articles) {
            return;
        }
        LOG.info("Knowledge index holds " + indexed + " of " + articles + " articles"
                + (index.wasLostAtStart() ? " (it was lost)" : "") + ": rebuilding it in the background");
        rebuild = executor.submit(() -> {
            try {
                long started = System.nanoTime();
                int done = knowledge.reindex();
                LOG.info("Knowledge index rebuilt: " + done + " articles in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Knowledge index rebuild failed; searches miss articles until the reindex job runs", e);
            }
        });
    }
}
