/** The customers' self-service portal pages, open without a login; they show only what is public. */
package org.utilitydesk.interfaces.portal;
