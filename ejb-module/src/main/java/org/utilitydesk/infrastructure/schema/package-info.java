/** Brings the database schema up to date when the application starts. */
package org.utilitydesk.infrastructure.schema;
