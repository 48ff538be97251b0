package org.utilitydesk.infrastructure.search;

import java.lang.invoke.MethodHandles;
import java.util.List;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Highlightable;
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
 * The indexed form of an article. Each text field is indexed twice: segmented into words ({@code title})
 * and as character grams ({@code title_grams}); see {@link KnowledgeAnalysis}.
 */
@SearchEntity(name = "Article")
@Indexed(index = "knowledge")
public class ArticleDocument {

    static final String TITLE = "title";
    static final String QUESTION = "question";
    static final String ANSWER = "answer";
    static final String CAUSE = "faultCause";
    static final String SOLUTION = "solution";
    static final String GRAMS = "_grams";

    @DocumentId
    private Long id;

    @KeywordField(projectable = Projectable.YES)
    private String code;

    @FullTextField(analyzer = KnowledgeAnalysis.WORDS, projectable = Projectable.YES, highlightable = Highlightable.ANY)
    @FullTextField(name = TITLE + GRAMS, analyzer = KnowledgeAnalysis.GRAMS, searchAnalyzer = KnowledgeAnalysis.GRAMS_QUERY,
            highlightable = Highlightable.ANY)
    private String title;

    @FullTextField(analyzer = KnowledgeAnalysis.WORDS)
    @FullTextField(name = QUESTION + GRAMS, analyzer = KnowledgeAnalysis.GRAMS, searchAnalyzer = KnowledgeAnalysis.GRAMS_QUERY)
    private String question;

    @FullTextField(analyzer = KnowledgeAnalysis.WORDS, projectable = Projectable.YES, highlightable = Highlightable.ANY)
    @FullTextField(name = ANSWER + GRAMS, analyzer = KnowledgeAnalysis.GRAMS, searchAnalyzer = KnowledgeAnalysis.GRAMS_QUERY,
            highlightable = Highlightable.ANY)
    private String answer;

    @FullTextField(analyzer = KnowledgeAnalysis.WORDS)
    @FullTextField(name = CAUSE + GRAMS, analyzer = KnowledgeAnalysis.GRAMS, searchAnalyzer = KnowledgeAnalysis.GRAMS_QUERY)
    private String faultCause;

    @FullTextField(analyzer = KnowledgeAnalysis.WORDS)
    @FullTextField(name = SOLUTION + GRAMS, analyzer = KnowledgeAnalysis.GRAMS, searchAnalyzer = KnowledgeAnalysis.GRAMS_QUERY)
    private String solution;

    @KeywordField(name = "tag")
    @FullTextField(name = "tag_words", analyzer = KnowledgeAnalysis.WORDS)
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
        this.question = a.question();
        this.answer = a.answer();
        this.faultCause = a.faultCause();
        this.solution = a.solution();
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
