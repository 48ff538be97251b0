package org.utilitydesk.interfaces.facade;

import java.time.Instant;
import java.util.List;

/** An incident and the reports folded under it. */
public record IncidentView(String incidentNo, String state, String summary, long serviceAreaId, Instant openedAt,
                           Instant resolvedAt, List<Report> reports) {

    public record Report(String orderNo, String state, Instant createdAt) {
    }
}
