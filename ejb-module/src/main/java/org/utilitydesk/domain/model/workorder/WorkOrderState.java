package org.utilitydesk.domain.model.workorder;

import java.util.EnumSet;
import java.util.Set;

/** Lifecycle of a work order; {@link #canMoveTo} is the single place the legal transitions are written. */
public enum WorkOrderState {
    NEW, DISPATCHED, IN_PROGRESS, RESOLVED, CLOSED, CANCELLED;

    private Set<WorkOrderState> next() {
        return switch (this) {
            case NEW -> EnumSet.of(DISPATCHED, CANCELLED);
            case DISPATCHED -> EnumSet.of(IN_PROGRESS, DISPATCHED, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(RESOLVED, DISPATCHED, CANCELLED);
            case RESOLVED -> EnumSet.of(CLOSED, IN_PROGRESS);
            case CLOSED, CANCELLED -> EnumSet.noneOf(WorkOrderState.class);
        };
    }

    public boolean canMoveTo(WorkOrderState target) {
        return next().contains(target);
    }

    public boolean isTerminal() {
        return next().isEmpty();
    }
}
