package org.utilitydesk.domain.model.workorder;

/** Where a request or an action came from; CREW is the field crews' own page and API. */
public enum Channel {
    DESK, IVR, PORTAL, API, SMS, SYSTEM, CREW
}
