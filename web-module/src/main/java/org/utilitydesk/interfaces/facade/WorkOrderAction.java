package org.utilitydesk.interfaces.facade;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.utilitydesk.application.WorkOrderService;

/** A lifecycle action on a work order, with the note that goes into its history. */
public record WorkOrderAction(
        @NotNull(message = "action is required (START, RESOLVE, CLOSE, REOPEN, CANCEL, ESCALATE, NOTE, AWAIT_CUSTOMER, CUSTOMER_RESPONDED)")
        WorkOrderService.Action action,
        @Size(max = 2000, message = "note is at most 2000 characters") String note) {
}
