package org.utilitydesk.domain.service;

/** The state of the connection to the telephone system, as readiness checks and the console show it. */
public interface TelephonyStatus {

    enum State { NOT_CONFIGURED, CONNECTED, DISCONNECTED }

    State state();

    /** Where the telephone system is expected, for messages ("pbx.example:5038"), or empty. */
    String endpoint();

    /** Why the last attempt to connect failed ("Connection refused"), or empty. */
    String problem();
}
