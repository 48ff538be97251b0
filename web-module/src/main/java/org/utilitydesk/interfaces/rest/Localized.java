package org.utilitydesk.interfaces.rest;

import java.util.List;
import java.util.Locale;
import org.utilitydesk.interfaces.facade.Texts;

/** Picks the caller's language from Accept-Language: Chinese unless English is preferred. */
final class Localized {

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
        return Texts.format(locale(accepted), key, args);
    }
}
