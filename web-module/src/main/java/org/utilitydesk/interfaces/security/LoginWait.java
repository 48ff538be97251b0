package org.utilitydesk.interfaces.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.Locale;
import org.utilitydesk.interfaces.facade.Texts;

/**
 * The login page's message when the throttle held a login back ({@code login.xhtml?held=seconds}): how long to
 * wait, in words, and that an administrator can lift the hold. It does not say whether the name exists.
 */
@Named
@RequestScoped
public class LoginWait {

    public String getMessage() {
        FacesContext faces = FacesContext.getCurrentInstance();
        String held = faces.getExternalContext().getRequestParameterMap().get("held");
        if (held == null || !held.matches("\\d{1,6}")) {
            return null;
        }
        Locale locale = faces.getViewRoot().getLocale();
        return Texts.bundle(locale).getString("error.loginHeld").replace("{0}", words(Long.parseLong(held), locale));
    }

    /** "45 秒", "15 分钟"; "45 seconds", "15 minutes" (minutes rounded up). */
    public static String words(long seconds, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        if (seconds < 60) {
            return english ? seconds + (seconds == 1 ? " second" : " seconds") : seconds + " 秒";
        }
        long minutes = (seconds + 59) / 60;
        return english ? minutes + (minutes == 1 ? " minute" : " minutes") : minutes + " 分钟";
    }
}
