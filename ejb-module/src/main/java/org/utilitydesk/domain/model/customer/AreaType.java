package org.utilitydesk.domain.model.customer;

/** Urban, rural or remote: repair-crew SLA targets differ by it. */
public enum AreaType {
    URBAN, RURAL, REMOTE
}
