package org.utilitydesk.interfaces.desk;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.util.Locale;

/**
 * The language of the pages for this session, by {@link Languages}' rule: chosen (here, or remembered from an earlier
 * session), else the browser's; the switch on every page changes it and remembers the choice.
 */
@Named
@SessionScoped
public class LocaleSelection implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The choice made in this session; null until one is made (then the cookie or the browser decides). */
    private Locale chosen;

    public Locale getLocale() {
        if (chosen != null) {
            return chosen;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces == null ? Locale.SIMPLIFIED_CHINESE : Languages.of((HttpServletRequest) faces.getExternalContext().getRequest());
    }

    /** The same outside the pages (servlets answering errors), from the request at hand. */
    public Locale in(HttpServletRequest request) {
        return chosen != null ? chosen : Languages.of(request);
    }

    public String getLanguage() {
        return getLocale().toLanguageTag();
    }

    /** Switches to the other language and remembers it; the page is shown again in it. */
    public void toggle() {
        choose(Languages.other(getLocale()));
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getViewRoot().setLocale(chosen);
        ((HttpServletResponse) faces.getExternalContext().getResponse())
                .addCookie(Languages.remember(chosen, (HttpServletRequest) faces.getExternalContext().getRequest()));
    }

    /** Takes a choice made elsewhere (the language link of the login page and the portal). */
    public void choose(Locale locale) {
        this.chosen = locale;
    }

    /** The name of the other language, in that language, for the switch ("English", "中文"). */
    public String getOtherName() {
        return "en".equals(getLocale().getLanguage()) ? "中文" : "English";
    }
}
