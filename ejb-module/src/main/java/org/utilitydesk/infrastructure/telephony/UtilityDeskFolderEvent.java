package org.utilitydesk.infrastructure.telephony;

import org.asteriskjava.manager.event.UserEvent;

/**
 * What the sample dialplan's recordings folder check reports: {@code UserEvent(UtilityDeskFolder,Folder: …,
 * Status: …)}, the status being the System application's (SUCCESS when Asterisk's user could create the folder
 * and can write there). asterisk-java finds this class by its name, so it must stay public with this name.
 */
public class UtilityDeskFolderEvent extends UserEvent {

    private static final long serialVersionUID = 1L;

    private String folder;
    private String status;

    public UtilityDeskFolderEvent(Object source) {
        super(source);
    }

    public String getFolder() {
        return folder;
    }

    public void setFolder(String folder) {
        this.folder = folder;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
