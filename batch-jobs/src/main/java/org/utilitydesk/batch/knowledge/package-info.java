/** The knowledge-reindex job: empties the search index and rebuilds it from the database, page by page. */
package org.utilitydesk.batch.knowledge;
