package org.utilitydesk.domain.model.billing;

/** Payment state of a bill. Only issued or partly paid bills can fall overdue. */
public enum BillStatus {
    ISSUED, PARTIALLY_PAID, PAID, OVERDUE, CANCELLED;

    public boolean isOpen() {
        return this == ISSUED || this == PARTIALLY_PAID || this == OVERDUE;
    }
}
