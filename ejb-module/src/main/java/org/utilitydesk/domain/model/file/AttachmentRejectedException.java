package org.utilitydesk.domain.model.file;

import jakarta.ejb.ApplicationException;

/** An upload that is not accepted: too big, empty, or not a kind of file allowed there. Nothing is stored. */
@ApplicationException(rollback = true)
public class AttachmentRejectedException extends RuntimeException {

    /** Why; each has a message in the bundles under the upload's purpose ({@code knowledge.attachment.EMPTY}, …). */
    public enum Reason {
        EMPTY,
        TOO_LARGE,
        TYPE_NOT_ALLOWED,
        CONTENT_MISMATCH
    }

    private final String purpose;
    private final Reason reason;

    public AttachmentRejectedException(String purpose, Reason reason, String detail) {
        super(purpose + " " + reason + ": " + detail);
        this.purpose = purpose;
        this.reason = reason;
    }

    /** The key of the message that tells the person why, in the bundles. */
    public String messageKey() {
        return purpose + "." + reason.name();
    }

    public Reason reason() {
        return reason;
    }
}
