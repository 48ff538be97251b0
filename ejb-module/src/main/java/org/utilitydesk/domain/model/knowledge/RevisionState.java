package org.utilitydesk.domain.model.knowledge;

/**
 * Where one version of an article stands. A proposal is a draft, submitted for review, approved by an
 * editor (or sent back to draft with a note), then published by a supervisor, which supersedes the
 * version that was live before.
 */
public enum RevisionState {
    DRAFT,
    IN_REVIEW,
    APPROVED,
    PUBLISHED,
    SUPERSEDED;

    /** A version still being worked on: it can be edited, submitted or reviewed, and blocks a second proposal. */
    public boolean isPending() {
        return this == DRAFT || this == IN_REVIEW || this == APPROVED;
    }
}
