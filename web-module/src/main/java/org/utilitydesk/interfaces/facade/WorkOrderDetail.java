package org.utilitydesk.interfaces.facade;

import java.time.Instant;
import org.utilitydesk.application.CustomerService;

/**
 * A work order as the desk's order page shows it: the order with its history and photos, whom it is for (the customer
 * and account, phone masked), the supply address (masked) and the description, and when it was dispatched, resolved
 * and closed (for the SLA line of an order whose clock has stopped).
 */
public record WorkOrderDetail(WorkOrderView order, CustomerService.OrderParty party, String address, String contactPhone,
                              String description, String department, Instant dispatchedAt, Instant resolvedAt,
                              Instant closedAt) {
}
