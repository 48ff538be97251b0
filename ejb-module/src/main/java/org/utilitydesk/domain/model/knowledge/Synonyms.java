package org.utilitydesk.domain.model.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Groups of words that mean the same to a caller (停电 / 断电 / 没电; 电费 / 费用), held as data
 * (kb_synonym). A query is searched as typed and with each synonym swapped in, so the words an agent
 * types need not be the words the article uses.
 */
public final class Synonyms {

    /** At most this many phrasings besides the original: a query naming many synonyms stays cheap. */
    static final int MAX_VARIANTS = 8;

    private final List<List<String>> groups;

    public Synonyms(Collection<? extends Collection<String>> groups) {
        List<List<String>> copy = new ArrayList<>();
        for (Collection<String> group : groups) {
            List<String> terms = group.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty())
                    .distinct().toList();
            if (terms.size() > 1) {
                copy.add(terms);
            }
        }
        this.groups = List.copyOf(copy);
    }

    public static Synonyms none() {
        return new Synonyms(List.of());
    }

    /** The query as typed, then the same query with each synonym found in it replaced by the others of its group. */
    public List<String> phrasings(String query) {
        String text = query == null ? "" : query.strip();
        if (text.isEmpty()) {
            return List.of();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        Set<String> result = new LinkedHashSet<>();
        result.add(text);
        for (List<String> group : groups) {
            // the longest term first, so 停了电 is replaced as a whole rather than its 停 … 电 parts
            for (String term : group.stream().sorted((a, b) -> b.length() - a.length()).toList()) {
                int at = lower.indexOf(term);
                if (at < 0) {
                    continue;
                }
                for (String other : group) {
                    if (!other.equals(term) && result.size() <= MAX_VARIANTS) {
                        result.add(text.substring(0, at) + other + text.substring(at + term.length()));
                    }
                }
                break;
            }
        }
        return List.copyOf(result);
    }

    public int size() {
        return groups.size();
    }
}
