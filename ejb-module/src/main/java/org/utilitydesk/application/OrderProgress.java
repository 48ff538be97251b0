package org.utilitydesk.application;

import java.time.Instant;
import java.util.List;
import org.utilitydesk.domain.model.workorder.WorkOrderState;
import org.utilitydesk.domain.model.workorder.WorkOrderType;

/**
 * What customers see of their own work order on the web portal and through the channels' API: its state,
 * the time promised, whether it waits on them, and the steps so far; never notes, staff or addresses. The
 * order number alone is not enough: the last four digits of the phone given on the order must match. A
 * number that misses {@link #MAX_MISSES} times within {@link #LOCK_MINUTES} minutes is locked for the rest
 * of that time, right digits or not, so the four digits cannot be tried through.
 */
public interface OrderProgress {

    int MAX_MISSES = 5;
    int LOCK_MINUTES = 15;

    Answer lookUp(String orderNo, String phoneLastFour);

    enum Outcome {
        FOUND,
        /** No such order, or the digits do not match: the two are not told apart. */
        NOT_FOUND,
        LOCKED
    }

    /** The outcome, and the progress when found. */
    record Answer(Outcome outcome, Progress progress) {
        public static Answer of(Outcome outcome) {
            return new Answer(outcome, null);
        }
    }

    record Progress(String orderNo, WorkOrderType type, WorkOrderState state, Instant openedAt, Instant promisedBy,
                    boolean waitingOnCustomer, boolean partOfKnownIncident, List<Step> steps) {
    }

    /** A change of state, oldest first. */
    record Step(Instant at, WorkOrderState state) {
    }
}
