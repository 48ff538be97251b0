package org.utilitydesk.domain.model.workorder;

/** Where a request or an action came from. */
public enum Channel {
    DESK, IVR, PORTAL, API, SMS, SYSTEM
}
