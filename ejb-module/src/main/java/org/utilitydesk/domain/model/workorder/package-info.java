/** Work orders (工单): one customer request tracked from intake to close, with its audit trail. */
package org.utilitydesk.domain.model.workorder;
