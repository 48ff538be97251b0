/**
 * The knowledge base's full-text index: Hibernate Search's Standalone POJO mapper (the JPA provider is
 * EclipseLink, so the ORM mapper cannot be used) over a local Lucene index under the domain's data.
 * Hibernate Search and Lucene types stay in this package.
 */
package org.utilitydesk.infrastructure.search;
