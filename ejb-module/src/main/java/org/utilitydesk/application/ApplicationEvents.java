package org.utilitydesk.application;

import org.utilitydesk.domain.model.workorder.WorkOrder;

/** Announces what happened in the application to asynchronous handlers (through the broker). */
public interface ApplicationEvents {

    /** A work order was opened and waits for routing; sent only if the caller's transaction commits. */
    void workOrderOpened(WorkOrder order);

    /**
     * Whether an announcement of this work order is still at the broker: waiting to be routed, or dead-lettered
     * (left to a supervisor's retry).
     */
    boolean workOrderAnnouncementPending(long workOrderId);
}
