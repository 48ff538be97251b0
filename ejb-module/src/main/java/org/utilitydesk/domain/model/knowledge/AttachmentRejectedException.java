package org.utilitydesk.domain.model.knowledge;

import jakarta.ejb.ApplicationException;

/** An upload that is not accepted: too big, empty, or not a kind of file articles may carry. Nothing is stored. */
@ApplicationException(rollback = true)
public class AttachmentRejectedException extends RuntimeException {

    /** Why; each has a message in the bundles (knowledge.attachment.*). */
    public enum Reason {
        EMPTY,
        TOO_LARGE,
        TYPE_NOT_ALLOWED,
        CONTENT_MISMATCH
    }

    private final Reason reason;

    public AttachmentRejectedException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
