package org.utilitydesk.interfaces.facade;

import java.time.Instant;

/** An outbound call as the API and desk show it. */
public record OutboundCallView(long id, String purpose, String number, String state, String reason,
                               String requestedBy, Instant requestedAt, Instant answeredAt, Instant endedAt) {
}
