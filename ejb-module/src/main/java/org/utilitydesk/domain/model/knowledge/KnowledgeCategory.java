package org.utilitydesk.domain.model.knowledge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A node of the category tree (e.g. 故障停电 › 停电信息). */
@Entity
@Table(name = "kb_category")
@NamedQuery(name = "KnowledgeCategory.findByCode", query = "SELECT c FROM KnowledgeCategory c WHERE c.code = :code")
@NamedQuery(name = "KnowledgeCategory.findAll", query = "SELECT c FROM KnowledgeCategory c ORDER BY c.id")
public class KnowledgeCategory {

    @Id
    private Long id;

    @ManyToOne
    @JoinColumn(name = "parent_id")
    private KnowledgeCategory parent;

    @Column(nullable = false, length = 32)
    private String code;

    @Column(name = "name_zh", nullable = false, length = 60)
    private String nameZh;

    @Column(name = "name_en", nullable = false, length = 60)
    private String nameEn;

    /** Whether a version must be approved by someone other than who wrote it (on unless the category is let off). */
    @Column(name = "four_eyes", nullable = false)
    private boolean fourEyes = true;

    protected KnowledgeCategory() {
    }

    /** A top-level category, as the tests make one. */
    KnowledgeCategory(String code, boolean fourEyes) {
        this.code = code;
        this.nameZh = code;
        this.nameEn = code;
        this.fourEyes = fourEyes;
    }

    public Long getId() {
        return id;
    }

    public KnowledgeCategory getParent() {
        return parent;
    }

    public String getCode() {
        return code;
    }

    public String name(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
    }

    public String getNameZh() {
        return nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public boolean isFourEyes() {
        return fourEyes;
    }

    /** This category's code and its ancestors' codes, root first: filtering by a parent finds its children's articles. */
    public List<String> path() {
        List<String> codes = new ArrayList<>();
        for (KnowledgeCategory c = this; c != null && codes.size() < 10; c = c.parent) {
            codes.add(0, c.code);
        }
        return codes;
    }
}
