package org.utilitydesk.interfaces.facade;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.utilitydesk.domain.model.workorder.Priority;
import org.utilitydesk.domain.model.workorder.WorkOrderType;

/** A work order as a channel submits it; validated before anything is stored. */
public record NewWorkOrder(
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]*", message = "{api.requestKey}")
        String requestKey,
        @NotNull(message = "{api.type.required}") WorkOrderType type,
        Priority priority,
        @Pattern(regexp = "\\d{10}", message = "{api.accountNumber}") String accountNumber,
        @NotBlank(message = "{api.subject.required}") @Size(max = 200, message = "{api.subject.size}") String subject,
        @Size(max = 4000, message = "{api.description.size}") String description,
        @Pattern(regexp = "\\+?\\d{5,20}", message = "{api.contactPhone}") String contactPhone) {
}
