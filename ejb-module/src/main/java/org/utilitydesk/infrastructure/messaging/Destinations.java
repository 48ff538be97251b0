package org.utilitydesk.infrastructure.messaging;

/** Names of the JMS resources server-config/bin creates in Payara, and the broker addresses behind them. */
public final class Destinations {

    public static final String CONNECTION_FACTORY = "jms/utilitydesk/ConnectionFactory";
    public static final String WORK_ORDER_EVENTS = "jms/utilitydesk/WorkOrderEvents";
    public static final String WORK_ORDER_EVENTS_ADDRESS = "utilitydesk.WorkOrderEvents";
    /** The resource adapter deployed by server-config/bin (see README). */
    public static final String RESOURCE_ADAPTER = "artemis-ra";

    private Destinations() {
    }
}
