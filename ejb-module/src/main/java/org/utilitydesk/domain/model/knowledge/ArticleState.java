package org.utilitydesk.domain.model.knowledge;

/**
 * Where an article stands: a new one is a draft until its first version is in review, then published by
 * a supervisor; an archived one is no longer found by agents or customers.
 */
public enum ArticleState {
    DRAFT,
    IN_REVIEW,
    PUBLISHED,
    ARCHIVED
}
