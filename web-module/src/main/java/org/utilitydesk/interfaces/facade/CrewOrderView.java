package org.utilitydesk.interfaces.facade;

/**
 * One of a crew's orders as the crew sees it: the order with its history and photos, and what they need on
 * the road (the description, the address and the customer's number, unmasked: the crew calls them).
 */
public record CrewOrderView(WorkOrderView order, String description, String address, String contactPhone) {
}
