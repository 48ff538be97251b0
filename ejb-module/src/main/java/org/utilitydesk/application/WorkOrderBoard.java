package org.utilitydesk.application;

import java.time.Instant;
import java.util.List;
import org.utilitydesk.domain.model.workorder.SlaStatus;
import org.utilitydesk.domain.model.workorder.WorkOrderState;
import org.utilitydesk.domain.model.workorder.WorkOrderType;

/** The work-order board: open and recent orders, filtered and paged in the database, most urgent first. */
public interface WorkOrderBoard {

    /** What to show; null fields do not filter. {@code openOnly} hides resolved, closed and cancelled orders. */
    record Filter(WorkOrderType type, WorkOrderState state, Long serviceAreaId, SlaStatus sla, boolean openOnly) {
    }

    record Row(String orderNo, WorkOrderType type, String priority, WorkOrderState state, String area, String subject,
               Instant createdAt, Instant slaDueAt, SlaStatus sla, int escalationLevel, String incidentNo) {
    }

    record Area(long id, String name) {
    }

    List<Row> rows(Filter filter, int first, int max);

    long count(Filter filter);

    List<Area> areas();

    /** The name of the department or crew an order is assigned to; empty for none. */
    java.util.Optional<String> departmentName(Long departmentId);
}
