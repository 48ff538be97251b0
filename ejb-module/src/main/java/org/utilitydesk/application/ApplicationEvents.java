package org.utilitydesk.application;

import java.util.List;
import org.utilitydesk.domain.model.workorder.WorkOrder;

/** Announces what happened in the application to asynchronous handlers (through the broker). */
public interface ApplicationEvents {

    /** A work order was opened and waits for routing; sent only if the caller's transaction commits. */
    void workOrderOpened(WorkOrder order);

    /**
     * Work orders opened together (one transaction): one announcement for all, so routing can handle them together;
     * the same as {@link #workOrderOpened} for one. Sent only if the caller's transaction commits.
     */
    void workOrdersOpened(List<WorkOrder> orders);

    /**
     * Whether an announcement of this work order is still at the broker: waiting to be routed, or dead-lettered
     * (left to a supervisor's retry).
     */
    boolean workOrderAnnouncementPending(long workOrderId);
}
