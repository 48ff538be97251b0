package org.utilitydesk.domain.model.workorder;

/** Urgency of a work order. */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
