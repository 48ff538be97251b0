package org.utilitydesk.domain.model.workorder;

/** An action that must say why (cancel, reopen) or what (a note) was asked without text. */
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
