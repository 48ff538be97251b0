/** Backing beans of the field crews' pages: their crew's orders and one order to work on. */
package org.utilitydesk.interfaces.crew;
