package org.utilitydesk.domain.model.knowledge;

/** Who may read an article: staff only, or also customers on the portal. */
public enum Audience {
    INTERNAL,
    PUBLIC
}
