package org.utilitydesk.domain.model.customer;

import jakarta.ejb.ApplicationException;

/**
 * Thrown when input is not a well-formed account number (wrong length, non-digits or a bad check digit). A refusal,
 * not a failure: it reaches the caller unwrapped.
 */
@ApplicationException(rollback = true)
public class InvalidAccountNumberException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidAccountNumberException(String input) {
        super("not a valid account number: " + (input == null ? "(none)" : input.length() > 40 ? input.substring(0, 40) + "…" : input));
    }
}
