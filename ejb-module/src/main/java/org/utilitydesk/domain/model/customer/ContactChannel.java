package org.utilitydesk.domain.model.customer;

/**
 * How a customer reached the center, or the center them, outside a call the ACD routed: at the counter, by e-mail, by
 * letter, a callback the agent made, a web form staff read, or a phone call to the agent's own line.
 */
public enum ContactChannel {
    WALK_IN, EMAIL, LETTER, CALLBACK, WEB, PHONE
}
