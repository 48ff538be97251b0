package org.utilitydesk.domain.model.knowledge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One word of a synonym group (kb_synonym); administrators add rows, no code changes. */
@Entity
@Table(name = "kb_synonym")
public class KnowledgeSynonym {

    @Id
    private Long id;

    @Column(name = "group_code", nullable = false, length = 32)
    private String groupCode;

    @Column(nullable = false, length = 60)
    private String term;

    protected KnowledgeSynonym() {
    }

    public String getGroupCode() {
        return groupCode;
    }

    public String getTerm() {
        return term;
    }
}
