package org.utilitydesk.interfaces.desk;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * The language link of the pages without a form of ours (the login page, the portal): {@code GET
 * /language?to=en&back=/utilitydesk/portal/faq.xhtml?q=…} remembers the choice and goes back to the page. Open to
 * everybody, as those pages are; {@code back} must be a page of this application, anything else goes to its start.
 */
@WebServlet(name = "LanguageSwitch", urlPatterns = "/language")
public class LanguageSwitch extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private LocaleSelection selection;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = Languages.parse(request.getParameter("to"));
        if (locale != null) {
            response.addCookie(Languages.remember(locale, request));
            if (request.getSession(false) != null) {
                selection.choose(locale);
            }
        }
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(back(request));
    }

    /** Where to go back to: a page of this application, never another site. */
    static String back(HttpServletRequest request) {
        String context = request.getContextPath();
        String back = request.getParameter("back");
        if (back == null || !back.startsWith(context + "/") || back.startsWith("//") || back.contains("\\")
                || back.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || back.length() > 2000) {
            return context + "/";
        }
        return ascii(back);
    }

    /** The address as a Location header carries it: anything beyond ASCII (a search for 停电) percent-encoded. */
    private static String ascii(String address) {
        StringBuilder out = new StringBuilder();
        for (byte b : address.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
