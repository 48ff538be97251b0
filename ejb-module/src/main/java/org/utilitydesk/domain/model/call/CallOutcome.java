package org.utilitydesk.domain.model.call;

/** How a call ended, for statistics and the customer's history. */
public enum CallOutcome {
    /** The caller was served by the IVR alone. */
    SELF_SERVED,
    /** An agent answered. */
    ANSWERED,
    /** The caller hung up before being served. */
    ABANDONED,
    VOICEMAIL,
    CALLBACK,
    /** The call could not be handled (technical failure or refused request). */
    FAILED
}
