package org.utilitydesk.interfaces.facade;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.utilitydesk.application.KnowledgeBase;

/** One workflow step on one version of an article (the version the person was looking at). */
public record ArticleActionRequest(
        @NotNull(message = "{knowledge.action.required}") KnowledgeBase.Action action,
        @Min(value = 1, message = "{knowledge.version.required}") int versionNo,
        @Size(max = 255, message = "{knowledge.note.size}") String note) {
}
