package org.utilitydesk.interfaces.portal;

import jakarta.faces.context.FacesContext;
import java.util.Locale;

/** The portal's language: Chinese unless the browser prefers English. */
final class PortalLocale {

    private PortalLocale() {
    }

    static Locale current() {
        var locales = FacesContext.getCurrentInstance().getExternalContext().getRequestLocales();
        while (locales.hasNext()) {
            Locale l = locales.next();
            if ("zh".equals(l.getLanguage())) {
                return Locale.SIMPLIFIED_CHINESE;
            }
            if ("en".equals(l.getLanguage())) {
                return Locale.ENGLISH;
            }
        }
        return Locale.SIMPLIFIED_CHINESE;
    }
}
