/** Calls (来电): one record per call with who called, how it was handled and how it ended. */
package org.utilitydesk.domain.model.call;
