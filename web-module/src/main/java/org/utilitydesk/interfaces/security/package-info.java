/** Authentication (form login for pages, HTTP Basic for the API) against the users table, with PBKDF2 hashes. */
package org.utilitydesk.interfaces.security;
