package org.utilitydesk.domain.model.workorder;

import jakarta.ejb.ApplicationException;

/**
 * An action that must say why (cancel, reopen) or what (a note) was asked without text.
 * A refusal by the rules: it reaches every caller as it is (not wrapped, not logged as a failure by the
 * container) and rolls the transaction back, so nothing of the refused action is kept.
 */
@ApplicationException(rollback = true)
public class MissingNoteException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private final String action;

    public MissingNoteException(String action) {
        super(action + " needs a note saying why");
        this.action = action;
    }

    public String getAction() {
        return action;
    }
}
