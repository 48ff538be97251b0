package org.utilitydesk.application.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.utilitydesk.domain.model.knowledge.KnowledgeCategory;
import org.utilitydesk.domain.model.knowledge.Synonyms;

/**
 * The knowledge base's small reference tables, synonym groups (kb_synonym) and the category tree, kept for 30
 * seconds: every search needs both, and reading them each time was two of a search's database reads. An
 * administrator's new synonym or category applies within 30 s, as for the IVR tree.
 */
@ApplicationScoped
public class KnowledgeReferenceData {

    private static final Duration KEEP = Duration.ofSeconds(30);

    @PersistenceContext(unitName = "utilitydesk")
    private EntityManager em;

    @Inject
    private Clock clock;

    private volatile Snapshot snapshot;

    private record Snapshot(Synonyms synonyms, List<KnowledgeCategory> categories, Instant readAt) {
    }

    public Synonyms synonyms() {
        return current().synonyms();
    }

    /** Every category, read-only (the instances are shared between requests). */
    public List<KnowledgeCategory> categories() {
        return current().categories();
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        Instant now = clock.instant();
        if (s == null || s.readAt().plus(KEEP).isBefore(now)) {
            s = new Snapshot(readSynonyms(), List.copyOf(em.createNamedQuery("KnowledgeCategory.findAll", KnowledgeCategory.class)
                    .getResultList()), now);
            snapshot = s; // two requests reading at once both read; the later one wins, both are current
        }
        return s;
    }

    private Synonyms readSynonyms() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (Object[] row : em.createQuery("SELECT s.groupCode, s.term FROM KnowledgeSynonym s", Object[].class)
                .getResultList()) {
            groups.computeIfAbsent((String) row[0], g -> new ArrayList<>()).add((String) row[1]);
        }
        return new Synonyms(groups.values());
    }
}
