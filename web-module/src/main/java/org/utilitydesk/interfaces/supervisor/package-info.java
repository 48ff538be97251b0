/** The supervisor's pages: the live wallboard. */
package org.utilitydesk.interfaces.supervisor;
