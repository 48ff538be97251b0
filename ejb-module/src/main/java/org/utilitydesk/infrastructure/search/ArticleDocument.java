package org.utilitydesk.infrastructure.search;

import java.lang.invoke.MethodHandles;
import java.util.List;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.DocumentId;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.SearchEntity;
import org.utilitydesk.domain.model.knowledge.IndexedArticle;

/**
 * The indexed form of an article: its title, and everything else as one body. Each is indexed twice:
 * segmented into words ({@code title}, {@code body}) and as character grams ({@code title_grams},
 * {@code body_grams}); see {@link KnowledgeAnalysis}.
 */
@SearchEntity(name = "Article")
@Indexed(index = "knowledge")
public class ArticleDocument {

    static final String TITLE = "title";
    static final String BODY = "body";
    static final String GRAMS = "_grams";

    @DocumentId
    private Long id;

    @KeywordField(projectable = Projectable.YES)
    private String code;

    @FullTextField(analyzer = KnowledgeAnalysis.WORDS, searchAnalyzer = KnowledgeAnalysis.WORDS_QUERY, projectable = Projectable.YES)
    @FullTextField(name = TITLE + GRAMS, analyzer = KnowledgeAnalysis.GRAMS, searchAnalyzer = KnowledgeAnalysis.GRAMS_QUERY)
    private String title;

    /** Question, answer, cause, solution and tags in one field: one set of postings to search instead of five. */
    @FullTextField(analyzer = KnowledgeAnalysis.WORDS, searchAnalyzer = KnowledgeAnalysis.WORDS_QUERY, projectable = Projectable.YES)
    @FullTextField(name = BODY + GRAMS, analyzer = KnowledgeAnalysis.GRAMS, searchAnalyzer = KnowledgeAnalysis.GRAMS_QUERY)
    private String body;

    @KeywordField(name = "tag")
    private List<String> tags;

    @KeywordField(aggregable = Aggregable.YES, projectable = Projectable.YES)
    private String category;

    @KeywordField(name = "category_path")
    private List<String> categoryPath;

    @KeywordField(projectable = Projectable.YES)
    private String audience;

    @KeywordField(projectable = Projectable.YES)
    private String state;

    @KeywordField
    private String language;

    @GenericField(sortable = Sortable.YES)
    private long revision;

    ArticleDocument(IndexedArticle a) {
        this.id = a.id();
        this.code = a.code();
        this.title = a.title();
        StringBuilder text = new StringBuilder();
        for (String part : new String[] {a.question(), a.answer(), a.faultCause(), a.solution(), String.join("，", a.tags())}) {
            if (part != null && !part.isBlank()) {
                text.append(text.length() == 0 ? "" : "\n").append(part);
            }
        }
        this.body = text.toString();
        this.tags = a.tags();
        this.category = a.category();
        this.categoryPath = a.categoryPath();
        this.audience = a.audience().name();
        this.state = a.state().name();
        this.language = a.language();
        this.revision = a.revision();
    }

    /** Lets Hibernate Search read the private fields. */
    static MethodHandles.Lookup lookup() {
        return MethodHandles.lookup();
    }
}
