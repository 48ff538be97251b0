package org.utilitydesk.batch.control;

/** An item a step cannot handle; skippable, and recorded with its key and reason. */
public class RejectedItemException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String itemKey;

    public RejectedItemException(String itemKey, String reason) {
        super(reason);
        this.itemKey = itemKey;
    }

    public String getItemKey() {
        return itemKey;
    }
}
