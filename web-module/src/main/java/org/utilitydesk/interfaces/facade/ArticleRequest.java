package org.utilitydesk.interfaces.facade;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.utilitydesk.domain.model.knowledge.Audience;

/**
 * A new article or an edit. Category, audience and language matter for a new article (and for a
 * reclassification); an edit takes the text and a note saying what changed.
 */
public record ArticleRequest(
        @Pattern(regexp = "[A-Z_]{1,32}", message = "{knowledge.category.invalid}") String categoryCode,
        Audience audience,
        @Pattern(regexp = "zh_CN|en", message = "{knowledge.language.invalid}") String language,
        @NotBlank(message = "{knowledge.title.required}") @Size(max = 200, message = "{knowledge.title.size}") String title,
        @Size(max = 2000, message = "{knowledge.text.size}") String question,
        @NotBlank(message = "{knowledge.answer.required}") @Size(max = 20000, message = "{knowledge.answer.size}") String answer,
        @Size(max = 4000, message = "{knowledge.text.size}") String faultCause,
        @Size(max = 4000, message = "{knowledge.text.size}") String solution,
        @Size(max = 10, message = "{knowledge.tags.size}") List<@NotBlank @Size(max = 20, message = "{knowledge.tag.size}") String> tags,
        @Size(max = 255, message = "{knowledge.note.size}") String note) {
}
