package org.utilitydesk.domain.model.knowledge;

import jakarta.ejb.ApplicationException;

/**
 * A workflow step that does not fit where the article or version stands (publishing a draft that no
 * editor approved, editing an archived article, a second proposal while one is pending). Nothing is
 * changed; {@link #reason()} names the rule for the person's message.
 */
@ApplicationException(rollback = true)
public class ArticleWorkflowException extends RuntimeException {

    /** The rule that refused the step; each has a message in the bundles (knowledge.refused.*). */
    public enum Reason {
        NOT_PENDING,
        NOT_DRAFT,
        NOT_IN_REVIEW,
        NOT_APPROVED,
        ALREADY_PENDING,
        ARCHIVED,
        NOT_PUBLISHED,
        NOT_ARCHIVED,
        STALE,
        NO_SUCH_VERSION,
        /** Four eyes: the version's own author may not approve it. */
        OWN_WORK,
        /** A file that was already approved or rejected. */
        FILE_REVIEWED,
        /** Four eyes: whoever uploaded a file may not approve it. */
        OWN_FILE
    }

    private final Reason reason;

    public ArticleWorkflowException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
