package org.utilitydesk.interfaces.facade;

/** A line of the customer list: masked phone, account numbers and service areas joined for display. */
public record CustomerRow(long id, String customerNo, String name, String customerType, boolean vip,
                          String mobilePhone, String accountNumbers, String serviceAreas) {
}
