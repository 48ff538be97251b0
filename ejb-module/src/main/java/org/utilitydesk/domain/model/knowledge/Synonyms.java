package org.utilitydesk.domain.model.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Groups of words that mean the same to a caller (停电 / 断电 / 没电; 电费 / 费用), held as data
 * (kb_synonym). A query is searched as typed and, scored a little lower, with the synonyms of its words,
 * so the words an agent types need not be the words the article uses.
 */
public final class Synonyms {

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

    /** The synonyms of the words found in the query that the query does not already contain. */
    public List<String> alternatives(String query) {
        String lower = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        Set<String> result = new LinkedHashSet<>();
        if (lower.isEmpty()) {
            return List.of();
        }
        for (List<String> group : groups) {
            if (group.stream().anyMatch(lower::contains)) {
                group.stream().filter(t -> !lower.contains(t)).forEach(result::add);
            }
        }
        return List.copyOf(result);
    }

    public int size() {
        return groups.size();
    }
}
