/**
 * The database schema (Flyway migrations under {@code db/migration}), the code that applies it, and the
 * demo-data generator with its command-line entry point {@link org.utilitydesk.sql.SqlTool}.
 */
package org.utilitydesk.sql;
