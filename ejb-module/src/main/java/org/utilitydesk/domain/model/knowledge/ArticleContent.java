package org.utilitydesk.domain.model.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * What a version of an article says. Tags are short keywords (电费, 停电) kept in order, without
 * duplicates or blanks.
 */
public record ArticleContent(String title, String question, String answer, String faultCause, String solution,
                             List<String> tags) {

    public ArticleContent {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(answer, "answer");
        title = title.strip();
        answer = answer.strip();
        question = blankToNull(question);
        faultCause = blankToNull(faultCause);
        solution = blankToNull(solution);
        tags = tags == null ? List.of() : tags.stream().filter(Objects::nonNull).map(String::strip)
                .filter(t -> !t.isEmpty()).distinct().toList();
    }

    /** Tags as stored: comma separated. */
    public String tagText() {
        return tags.isEmpty() ? null : String.join(",", tags);
    }

    public static List<String> parseTags(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.split("\\s*[,，]\\s*"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
