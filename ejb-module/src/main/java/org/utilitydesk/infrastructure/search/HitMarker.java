package org.utilitydesk.infrastructure.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Marks what a search asked for in a hit's title and picks the sentence of its text that holds most of it,
 * with {@code <em>} around each match and everything else HTML-escaped.
 * <p>
 * The query is analysed once, as the index analyses it: its Chinese words and character pairs are found in
 * the text as they are (a substring), its Latin words by their stem (meters finds meter, leaking finds leak).
 * The article text itself is never segmented again: Lucene's unified highlighter did that for every hit and
 * every highlighted field, which at 100,000 articles was two thirds of a search's time.
 */
final class HitMarker {

    /** Longest snippet, in characters; a longer sentence is cut around its first match. */
    static final int SNIPPET_LENGTH = 120;
    private static final String SENTENCE_ENDS = "。！？!?；;\n";

    /** Chinese words and character pairs of the query, lower case. */
    private final Set<String> chinese = new HashSet<>();
    /** Stems of the query's Latin words. */
    private final Set<String> stems = new HashSet<>();
    private final Analyzer stemmer;

    /**
     * @param query    what was typed
     * @param synonyms the synonyms searched with it: a Chinese one is marked only as a whole (断电, never its 电)
     * @param words    the query side of the words field: Chinese words, and Latin words already stemmed
     * @param grams    the query side of the grams field: Chinese character pairs
     * @param stemmer  splits text into Latin words with their offsets and stems them as the words field does
     */
    HitMarker(String query, List<String> synonyms, Analyzer words, Analyzer grams, Analyzer stemmer) {
        this.stemmer = stemmer;
        // a lone character of a longer query (没 and 电 of 没电) would light up half the text: marked are its
        // words and pairs, and a single character only when it is all that was typed (表)
        boolean oneCharacter = query.strip().codePointCount(0, query.strip().length()) == 1;
        for (Token token : tokens(words, query)) {
            if (isLatin(token.term())) {
                stems.add(token.term());
            } else if (oneCharacter || token.term().length() > 1) {
                chinese.add(token.term());
            }
        }
        for (Token token : tokens(grams, query)) {
            if (!isLatin(token.term()) && (oneCharacter || token.term().length() > 1)) {
                chinese.add(token.term());
            }
        }
        for (String synonym : synonyms) {
            if (isLatin(synonym)) {
                tokens(words, synonym).forEach(t -> stems.add(t.term()));
            } else {
                chinese.add(synonym.toLowerCase(Locale.ROOT));
            }
        }
    }

    /** The title with every match marked. */
    String title(String title) {
        return html(title, matches(title), 0, title.length());
    }

    /** The sentence of {@code text} with the most different matches, marked; null when nothing matches. */
    String snippet(String text) {
        List<int[]> matches = matches(text);
        if (matches.isEmpty()) {
            return null;
        }
        int bestStart = 0;
        int bestEnd = 0;
        int bestScore = -1;
        int sentenceStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i < text.length() && !endsSentence(text, i)) {
                continue;
            }
            int end = Math.min(text.length(), i + 1);
            int score = distinctMatches(text, matches, sentenceStart, end);
            if (score > bestScore) {
                bestScore = score;
                bestStart = sentenceStart;
                bestEnd = end;
            }
            sentenceStart = end;
        }
        while (bestStart < bestEnd && Character.isWhitespace(text.charAt(bestStart))) {
            bestStart++;
        }
        while (bestEnd > bestStart && Character.isWhitespace(text.charAt(bestEnd - 1))) {
            bestEnd--;
        }
        if (bestEnd - bestStart > SNIPPET_LENGTH) {
            int first = firstMatchFrom(matches, bestStart);
            int from = Math.max(bestStart, Math.min(first - SNIPPET_LENGTH / 4, bestEnd - SNIPPET_LENGTH));
            int to = from + SNIPPET_LENGTH;
            return (from > bestStart ? "…" : "") + html(text, matches, from, to) + (to < bestEnd ? "…" : "");
        }
        return html(text, matches, bestStart, bestEnd);
    }

    /** Chinese and Latin sentence ends; a full stop only before a space (not in 15.50 元). */
    private static boolean endsSentence(String text, int i) {
        char c = text.charAt(i);
        return SENTENCE_ENDS.indexOf(c) >= 0 || c == '.' && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)));
    }

    /** Non-overlapping [start, end) ranges of {@code text} that match, in order. */
    private List<int[]> matches(String text) {
        boolean[] marked = new boolean[text.length()];
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.length() != text.length()) {
            lower = text; // a few letters change length in lower case; the Chinese ones never do
        }
        for (String term : chinese) {
            for (int at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + 1)) {
                Arrays.fill(marked, at, at + term.length(), true);
            }
        }
        if (!stems.isEmpty()) {
            for (Token word : tokens(stemmer, text)) {
                if (stems.contains(word.term())) {
                    Arrays.fill(marked, word.start(), word.end(), true);
                }
            }
        }
        List<int[]> ranges = new ArrayList<>();
        for (int i = 0; i < marked.length; i++) {
            if (marked[i]) {
                int start = i;
                while (i < marked.length && marked[i]) {
                    i++;
                }
                ranges.add(new int[] {start, i});
            }
        }
        return ranges;
    }

    private static int distinctMatches(String text, List<int[]> matches, int from, int to) {
        Set<String> seen = new HashSet<>();
        for (int[] m : matches) {
            if (m[0] >= from && m[1] <= to) {
                seen.add(text.substring(m[0], m[1]).toLowerCase(Locale.ROOT));
            }
        }
        return seen.size();
    }

    private static int firstMatchFrom(List<int[]> matches, int from) {
        for (int[] m : matches) {
            if (m[0] >= from) {
                return m[0];
            }
        }
        return from;
    }

    /** {@code text[from, to)} escaped, with the matches inside it wrapped in {@code <em>}. */
    private static String html(String text, List<int[]> matches, int from, int to) {
        StringBuilder out = new StringBuilder(to - from + 32);
        int at = from;
        for (int[] m : matches) {
            int start = Math.max(m[0], from);
            int end = Math.min(m[1], to);
            if (start >= end) {
                continue;
            }
            escape(text, at, start, out);
            out.append("<em>");
            escape(text, start, end, out);
            out.append("</em>");
            at = end;
        }
        escape(text, at, to, out);
        return out.toString();
    }

    /** The whole text HTML-escaped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        escape(text, 0, text.length(), out);
        return out.toString();
    }

    private static void escape(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }

    private static boolean isLatin(String term) {
        return term.chars().allMatch(c -> c < 0x2E80);
    }

    private record Token(String term, int start, int end) {
    }

    private static List<Token> tokens(Analyzer analyzer, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (term.length() > 0) {
                    tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse " + text, e);
        }
        return tokens;
    }
}
