/**
 * The knowledge base: articles, their versions and the review workflow (an agent proposes, an editor
 * reviews, a supervisor publishes), categories, synonyms and the search query and result types.
 */
package org.utilitydesk.domain.model.knowledge;
