package org.utilitydesk.interfaces.facade;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The UI's resource bundle outside a Faces request (API answers, portal beans), one language exactly. */
public final class Texts {

    private static final String BUNDLE = "org.utilitydesk.interfaces.messages";

    private Texts() {
    }

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale, Texts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static String format(Locale locale, String key, Object... args) {
        return new MessageFormat(bundle(locale).getString(key), locale).format(args);
    }
}
