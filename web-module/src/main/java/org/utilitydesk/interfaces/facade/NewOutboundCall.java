package org.utilitydesk.interfaces.facade;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A click-to-dial request from the desk or the API: the number to call and, if known, whose account it is for. */
public record NewOutboundCall(
        @NotBlank(message = "{api.number.required}")
        @Pattern(regexp = "\\+?\\d{3,20}", message = "{api.number}") String number,
        @Pattern(regexp = "\\d{10}", message = "{api.accountNumber}") String accountNumber,
        @Size(max = 48) @Pattern(regexp = "[A-Za-z0-9._:-]*", message = "{api.requestKey}")
        String requestKey) {
}
