package org.utilitydesk.interfaces.security;

import java.util.ResourceBundle;

/** The page a refused post gets: the page it came from is out of date or it did not come from one; reload. */
final class RefusalPage {

    private RefusalPage() {
    }

    static String html(String contextPath, ResourceBundle msg) {
        return "<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>" + msg.getString("error.stalePage")
                + "</title></head><body><p>" + msg.getString("error.stalePage") + "</p><p><a href=\"" + contextPath
                + "/\">" + msg.getString("error.toStart") + "</a></p></body></html>";
    }
}
