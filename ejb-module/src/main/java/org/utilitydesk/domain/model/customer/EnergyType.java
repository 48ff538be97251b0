package org.utilitydesk.domain.model.customer;

/** What an account is supplied with. */
public enum EnergyType {
    ELECTRICITY, GAS
}
