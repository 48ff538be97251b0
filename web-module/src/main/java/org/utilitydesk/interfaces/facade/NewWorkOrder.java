package org.utilitydesk.interfaces.facade;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.utilitydesk.domain.model.workorder.Priority;
import org.utilitydesk.domain.model.workorder.WorkOrderType;

/** A work order as a channel submits it; validated before anything is stored. */
public record NewWorkOrder(
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]*", message = "requestKey may hold letters, digits and . _ : - only")
        String requestKey,
        @NotNull(message = "type is required") WorkOrderType type,
        Priority priority,
        @Pattern(regexp = "\\d{10}", message = "accountNumber must be 10 digits") String accountNumber,
        @NotBlank(message = "subject is required") @Size(max = 200, message = "subject is at most 200 characters") String subject,
        @Size(max = 4000, message = "description is at most 4000 characters") String description,
        @Pattern(regexp = "\\+?\\d{5,20}", message = "contactPhone must be 5 to 20 digits") String contactPhone) {
}
