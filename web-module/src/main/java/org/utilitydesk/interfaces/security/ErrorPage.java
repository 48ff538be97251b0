package org.utilitydesk.interfaces.security;

import static org.utilitydesk.infrastructure.JsonSupport.JSON;

import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.utilitydesk.interfaces.desk.Languages;
import org.utilitydesk.interfaces.desk.LocaleSelection;
import org.utilitydesk.interfaces.facade.Texts;

/**
 * What a person (or a program) sees when the container answers an error itself (web.xml's error pages): a page
 * missing, a page their role may not open, a method not allowed, or a failure of ours. In their language, with a way
 * back to the start, and without the server's name or version (Payara's own page shows both). A failure (5xx) gets a
 * reference, shown to the person and logged with what went wrong, so a report on the phone finds its log line.
 * Under {@code /api/} the answer is JSON, as every other API answer.
 */
@WebServlet(name = "ErrorPage", urlPatterns = "/error")
public class ErrorPage extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ErrorPage.class.getName());

    @Inject
    private LocaleSelection languages;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // opened directly, /error is a page that does not exist
        int status = code instanceof Integer number ? number : HttpServletResponse.SC_NOT_FOUND;
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        String reference = null;
        if (status >= 500) {
            // as the API's own 500s
            reference = UUID.randomUUID().toString().substring(0, 8);
            Throwable thrown = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            String ref = reference;
            LOG.log(Level.SEVERE, thrown, () -> "answered " + status + " to " + request.getMethod() + " " + uri + " from "
                    + request.getRemoteAddr() + ", reference " + ref);
        }
        Locale locale = locale(request);
        ResourceBundle msg = Texts.bundle(locale);
        String text = text(msg, status, reference);
        response.setStatus(status);
        if (uri.startsWith(request.getContextPath() + "/api/")) {
            response.setContentType("application/json;charset=UTF-8");
            var body = JSON.createObjectBuilder().add("status", status).add("code", code(status)).add("message", text);
            if (reference != null) {
                body.add("reference", reference);
            }
            response.getWriter().write(body.build().toString());
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        // its own style, nothing that runs
        response.setHeader("Content-Security-Policy", SecurityHeaders.NOTHING_RUNS + "; style-src 'unsafe-inline'");
        response.getWriter().write(page(locale, msg, status, text, request.getContextPath() + "/"));
    }

    /** The person's language: the one chosen in the pages, else the browser's (English or Chinese). */
    private Locale locale(HttpServletRequest request) {
        return request.getSession(false) != null ? languages.in(request) : Languages.of(request);
    }

    static String code(int status) {
        return switch (status) {
            case HttpServletResponse.SC_FORBIDDEN -> "forbidden";
            case HttpServletResponse.SC_NOT_FOUND -> "notFound";
            case HttpServletResponse.SC_METHOD_NOT_ALLOWED -> "methodNotAllowed";
            default -> status >= 500 ? "internal" : "invalidRequest";
        };
    }

    static String text(ResourceBundle msg, int status, String reference) {
        String key = "errorPage." + code(status);
        String text = msg.getString(key);
        return reference != null ? MessageFormat.format(text, reference) : MessageFormat.format(text, status);
    }

    static String page(Locale locale, ResourceBundle msg, int status, String text, String start) {
        String title = RefusalPage.escaped(msg.getString("errorPage.title." + code(status)));
        return "<!DOCTYPE html><html lang=\"" + locale.toLanguageTag() + "\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title + "</title><style>" + STYLE
                + "</style></head><body><main><h1>" + title + "</h1><p>" + RefusalPage.escaped(text) + "</p><p class=\"code\">HTTP "
                + status + "</p><p><a href=\"" + RefusalPage.escaped(start) + "\">" + RefusalPage.escaped(msg.getString("error.toStart"))
                + "</a></p></main></body></html>";
    }

    private static final String STYLE = "body{font-family:system-ui,'Microsoft YaHei','PingFang SC',sans-serif;margin:0;"
            + "background:#f4f6f8;color:#1f2933}main{max-width:36rem;margin:12vh auto;padding:2rem;background:#fff;border-radius:8px;"
            + "box-shadow:0 1px 4px rgba(0,0,0,.12)}h1{font-size:1.4rem;margin:0 0 1rem}p{line-height:1.6;overflow-wrap:anywhere}"
            + ".code{color:#6b7785;font-size:.9rem}a{color:#0b63c5}@media(max-width:40rem){main{margin:6vh .75rem;padding:1.25rem}}";
}
