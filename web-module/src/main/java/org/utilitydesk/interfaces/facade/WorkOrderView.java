package org.utilitydesk.interfaces.facade;

import java.time.Instant;
import java.util.List;

/** A work order with its audit trail, as the API returns it. */
public record WorkOrderView(String orderNo, String type, String priority, String state, String channel, String subject,
                            Long assignedDepartmentId, Instant createdAt, Instant slaDueAt, String slaStatus,
                            int escalationLevel, String incidentNo, List<Event> events) {

    /** One audit event. */
    public record Event(String type, String fromState, String toState, String actor, String channel, String note,
                        Instant at) {
    }
}
