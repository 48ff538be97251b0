package org.utilitydesk.application.internal;

import org.utilitydesk.domain.model.knowledge.IndexedArticle;

/** An article changed in the current transaction; what the index should hold once it commits. */
record ArticleChanged(IndexedArticle article) {
}
