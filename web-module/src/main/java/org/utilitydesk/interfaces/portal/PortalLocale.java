package org.utilitydesk.interfaces.portal;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.utilitydesk.interfaces.desk.Languages;

/** The portal's language, by the rule of every page ({@link Languages}): chosen, else the browser's, else Chinese. */
final class PortalLocale {

    private PortalLocale() {
    }

    static Locale current() {
        return Languages.of((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest());
    }
}
