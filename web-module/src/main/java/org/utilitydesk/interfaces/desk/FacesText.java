package org.utilitydesk.interfaces.desk;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The page's resource bundle ({@code msg}) and messages from it, in the viewer's language. */
public final class FacesText {

    private FacesText() {
    }

    public static ResourceBundle bundle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg");
    }

    /** The bundle's text for {@code key}, its {0}, {1}, … filled with {@code arguments}. */
    public static String text(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return new MessageFormat(bundle().getString(key), faces.getViewRoot().getLocale()).format(arguments);
    }

    /** Adds a page message: {@link #text} of {@code key} and {@code arguments}. */
    public static void message(FacesMessage.Severity severity, String key, Object... arguments) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text(key, arguments), null));
    }

    /** The bundle's name for a stored code ({@code prefix + code}), the code itself if it has none, "" for none. */
    public static String label(String prefix, String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        ResourceBundle msg = bundle();
        return msg.containsKey(prefix + code) ? msg.getString(prefix + code) : code;
    }
}
