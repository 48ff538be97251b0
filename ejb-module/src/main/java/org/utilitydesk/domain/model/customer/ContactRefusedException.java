package org.utilitydesk.domain.model.customer;

import jakarta.ejb.ApplicationException;

/**
 * A contact that cannot be recorded as asked: the customer does not exist, the summary is empty or too long, or the
 * account or order named is not this customer's (or the order is closed). The code names the reason for the person's
 * message ({@code contact.refused.<code>}); nothing is stored.
 */
@ApplicationException(rollback = true)
public class ContactRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the contact was refused. */
    public enum Reason {
        NO_CUSTOMER, SUMMARY_REQUIRED, SUMMARY_TOO_LONG, ACCOUNT_NOT_THEIRS, ORDER_NOT_THEIRS, ORDER_CLOSED, ORDER_SUBJECT_REQUIRED
    }

    private final Reason reason;

    public ContactRefusedException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
