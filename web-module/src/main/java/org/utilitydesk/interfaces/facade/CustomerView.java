package org.utilitydesk.interfaces.facade;

import java.math.BigDecimal;

/** One account with its customer, as the API and the desk show it; phone and address are masked. */
public record CustomerView(String accountNumber, String customerNo, String name, String customerType, boolean vip,
                           String mobilePhone, String supplyAddress, String serviceArea, String energyType,
                           String accountStatus, BigDecimal balance) {
}
