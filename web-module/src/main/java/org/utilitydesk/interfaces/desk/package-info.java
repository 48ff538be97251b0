/** Backing beans of the agent desk pages. */
package org.utilitydesk.interfaces.desk;
