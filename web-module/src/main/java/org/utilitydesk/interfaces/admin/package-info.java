/** The administrators' pages (role ADMIN): login holds and the security audit. */
package org.utilitydesk.interfaces.admin;
