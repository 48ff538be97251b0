package org.utilitydesk.domain.model.ivr;

/** The IVR tree as currently configured. */
public interface IvrMenuRepository {

    /** The current tree; an administrator's change is seen within a short time, without restarting. */
    IvrMenu current();
}
