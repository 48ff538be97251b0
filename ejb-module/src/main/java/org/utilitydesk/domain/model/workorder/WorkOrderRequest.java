package org.utilitydesk.domain.model.workorder;

/**
 * What a channel submits to open a work order. {@code requestKey} is the caller's idempotency key: the
 * same key twice yields the same order, never a second one.
 */
public record WorkOrderRequest(String requestKey, WorkOrderType type, Priority priority, Channel channel,
                               Long customerId, Long accountId, Long serviceAreaId, String subject,
                               String description, String address, String contactPhone) {
}
