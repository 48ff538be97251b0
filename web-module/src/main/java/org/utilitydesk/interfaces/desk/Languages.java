package org.utilitydesk.interfaces.desk;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;
import java.util.Locale;

/**
 * The one rule for the language of every page, the login and the portal included: the language the person chose
 * (remembered in a cookie for a year, across sessions and logins), else the first of Chinese and English the browser
 * asks for (Accept-Language, by its weights), else Chinese.
 */
public final class Languages {

    public static final String COOKIE = "ud-lang";
    private static final int A_YEAR = 365 * 24 * 3600;

    private Languages() {
    }

    public static Locale of(HttpServletRequest request) {
        Locale chosen = chosen(request);
        if (chosen != null) {
            return chosen;
        }
        if (request.getHeader("Accept-Language") == null) {
            // without the header the container answers its own default language, not the person's
            return Locale.SIMPLIFIED_CHINESE;
        }
        Enumeration<Locale> asked = request.getLocales();
        while (asked.hasMoreElements()) {
            Locale locale = parse(asked.nextElement().getLanguage());
            if (locale != null) {
                return locale;
            }
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    /** The language the person chose, from the cookie; null if they chose none (or the cookie says something else). */
    public static Locale chosen(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    return parse(cookie.getValue());
                }
            }
        }
        return null;
    }

    /** "zh…" and "en…" as the two languages of the pages; null for anything else. */
    public static Locale parse(String language) {
        if (language == null) {
            return null;
        }
        String tag = language.strip().toLowerCase(Locale.ROOT);
        return tag.startsWith("zh") ? Locale.SIMPLIFIED_CHINESE : tag.startsWith("en") ? Locale.ENGLISH : null;
    }

    /** The cookie that remembers a choice: for this application only, not for scripts, a year long. */
    public static Cookie remember(Locale locale, HttpServletRequest request) {
        Cookie cookie = new Cookie(COOKIE, locale.getLanguage());
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(A_YEAR);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }

    /** The other of the two languages. */
    public static Locale other(Locale locale) {
        return "en".equals(locale.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }
}
