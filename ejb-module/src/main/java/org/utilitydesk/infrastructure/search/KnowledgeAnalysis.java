package org.utilitydesk.infrastructure.search;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The analyzers of the knowledge index.
 * <ul>
 * <li>{@value #WORDS}: Chinese word segmentation (smartcn's HMM model), lower case, and Porter stemming of
 *     English words (meters → meter), as smartcn's analyzer does;</li>
 * <li>{@value #GRAMS}: every Chinese character and every pair of neighbouring characters, so a one- or
 *     two-character query (表, 跳闸) matches where word segmentation cut differently;</li>
 * <li>{@value #GRAMS_QUERY}: the query side of that field, pairs only (a lone character stays itself), so a
 *     longer query is not swamped by single-character matches;</li>
 * <li>{@value #WORDS_QUERY} and {@value #GRAMS_QUERY} drop the words people wrap a question in
 *     ({@link #QUESTION_WORDS}).</li>
 * </ul>
 */
public class KnowledgeAnalysis implements LuceneAnalysisConfigurer {

    public static final String WORDS = "zh_words";
    public static final String WORDS_QUERY = "zh_words_query";
    public static final String GRAMS = "zh_grams";
    public static final String GRAMS_QUERY = "zh_grams_query";

    /**
     * Words a caller puts around the question (怎么办, 请问, 了, how, the) that every article would match:
     * dropped from queries, so they neither rank nor cost. Articles keep them.
     */
    static final List<String> QUESTION_WORDS = List.of("的", "了", "吗", "呢", "啊", "吧", "么", "是", "我", "我家", "你", "您",
            "请问", "怎么", "怎么办", "怎么样", "怎样", "什么", "如何", "为什么", "为啥", "哪里", "在哪", "在哪里", "一下", "可以",
            "想", "要", "能", "会", "这么", "那么", "还", "都", "就", "又");
    /** The same as character pairs, for the grams field. */
    static final List<String> QUESTION_GRAMS = List.of("怎么", "么办", "什么", "如何", "为什", "么这", "这么", "请问", "在哪",
            "哪里", "可以", "一下", "了吗", "的吗", "么样", "为啥", "我家", "了怎", "电了", "的", "了", "吗", "呢", "啊", "吧", "么");

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(WORDS).instance(new SmartChineseAnalyzer());
        context.analyzer(WORDS_QUERY).instance(wordsQuery());
        context.analyzer(GRAMS).instance(new CharacterGrams(true, CharArraySet.EMPTY_SET));
        context.analyzer(GRAMS_QUERY).instance(gramsQuery());
    }

    /** The query side of the words field. */
    static Analyzer wordsQuery() {
        CharArraySet questionWords = new CharArraySet(SmartChineseAnalyzer.getDefaultStopSet(), true);
        questionWords.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        questionWords.addAll(QUESTION_WORDS);
        return new SmartChineseAnalyzer(questionWords);
    }

    /** The query side of the grams field. */
    static Analyzer gramsQuery() {
        CharArraySet questionGrams = new CharArraySet(QUESTION_GRAMS, true);
        questionGrams.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        return new CharacterGrams(false, questionGrams);
    }

    /** Latin words with their offsets, lower case and Porter-stemmed as the words field stems them. */
    static Analyzer latinStems() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new PorterStemFilter(new LowerCaseFilter(source)));
            }
        };
    }

    /** Unicode word tokens; CJK runs become bigrams (and, when asked, unigrams too); width folded; lower case. */
    static final class CharacterGrams extends Analyzer {

        private final boolean unigrams;
        private final CharArraySet stop;

        CharacterGrams(boolean unigrams, CharArraySet stop) {
            this.unigrams = unigrams;
            this.stop = stop;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new CJKWidthFilter(source);
            stream = new LowerCaseFilter(stream);
            stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
                    | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, unigrams);
            if (!stop.isEmpty()) {
                stream = new StopFilter(stream, stop);
            }
            return new TokenStreamComponents(source, stream);
        }
    }
}
