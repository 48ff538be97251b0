package org.utilitydesk.domain.model.customer;

/** Supply status of an account. */
public enum AccountStatus {
    ACTIVE, SUSPENDED, CLOSED
}
