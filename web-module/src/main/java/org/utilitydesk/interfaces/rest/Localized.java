package org.utilitydesk.interfaces.rest;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/** Picks the caller's language from Accept-Language: Chinese unless English is preferred. */
final class Localized {

    private static final String BUNDLE = "org.utilitydesk.interfaces.messages";

    private Localized() {
    }

    static Locale locale(List<Locale> accepted) {
        for (Locale l : accepted) {
            if ("zh".equals(l.getLanguage())) {
                return Locale.SIMPLIFIED_CHINESE;
            }
            if ("en".equals(l.getLanguage())) {
                return Locale.ENGLISH;
            }
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    static String message(List<Locale> accepted, String key, Object... args) {
        Locale locale = locale(accepted);
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, Localized.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }
}
