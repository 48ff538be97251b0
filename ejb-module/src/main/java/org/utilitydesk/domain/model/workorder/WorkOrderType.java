package org.utilitydesk.domain.model.workorder;

/** What the customer asks for; decides routing and SLA. */
public enum WorkOrderType {
    FAULT_REPAIR, COMPLAINT, REPORT, INQUIRY, SUGGESTION, NEW_CONNECTION, CAPACITY_INCREASE
}
