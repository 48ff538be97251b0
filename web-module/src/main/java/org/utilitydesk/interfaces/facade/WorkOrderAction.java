package org.utilitydesk.interfaces.facade;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.utilitydesk.application.WorkOrderService;

/** A lifecycle action on a work order, with the note that goes into its history. */
public record WorkOrderAction(
        @NotNull(message = "{api.action.required}")
        WorkOrderService.Action action,
        @Size(max = 2000, message = "{api.note.size}") String note) {
}
