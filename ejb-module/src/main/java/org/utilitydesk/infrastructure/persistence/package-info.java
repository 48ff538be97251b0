/** JPA (EclipseLink) implementations of the repositories, and the converters the mappings share. */
package org.utilitydesk.infrastructure.persistence;
