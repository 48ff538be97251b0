package org.utilitydesk.domain.model.customer;

/** Kind of customer, which decides tariffs and which queue serves them. */
public enum CustomerType {
    RESIDENTIAL, COMMERCIAL, INDUSTRIAL
}
