package org.utilitydesk.infrastructure.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
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
 *     longer query is not swamped by single-character matches.</li>
 * </ul>
 */
public class KnowledgeAnalysis implements LuceneAnalysisConfigurer {

    public static final String WORDS = "zh_words";
    public static final String GRAMS = "zh_grams";
    public static final String GRAMS_QUERY = "zh_grams_query";

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(WORDS).instance(new SmartChineseAnalyzer());
        context.analyzer(GRAMS).instance(new CharacterGrams(true));
        context.analyzer(GRAMS_QUERY).instance(new CharacterGrams(false));
    }

    /** Unicode word tokens; CJK runs become bigrams (and, when asked, unigrams too); width folded; lower case. */
    static final class CharacterGrams extends Analyzer {

        private final boolean unigrams;

        CharacterGrams(boolean unigrams) {
            this.unigrams = unigrams;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new CJKWidthFilter(source);
            stream = new LowerCaseFilter(stream);
            stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
                    | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, unigrams);
            return new TokenStreamComponents(source, stream);
        }
    }
}
