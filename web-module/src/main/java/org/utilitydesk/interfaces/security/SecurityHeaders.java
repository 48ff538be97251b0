package org.utilitydesk.interfaces.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;
import org.primefaces.csp.CspException;
import org.utilitydesk.interfaces.facade.Texts;

/**
 * Headers every answer carries: the browser must not guess content types (a text answer run as a script), must not
 * send our addresses (which can hold an order number or a search) to other sites, and must not show our pages
 * inside another site's frame. Faces pages get their Content Security Policy from PrimeFaces (with the page's
 * nonce, see web.xml); everything else (API answers, files, resources) gets one that runs nothing at all.
 * A form posted without its page's nonce (PrimeFaces refuses it) gets a 400 page saying to reload; an upload larger
 * than the container reads, a 413 page saying so.
 */
@WebFilter(filterName = "SecurityHeaders", urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SecurityHeaders.class.getName());

    @jakarta.inject.Inject
    private org.utilitydesk.interfaces.desk.LocaleSelection languages;

    static final String NOTHING_RUNS = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean page = path.endsWith(".xhtml") || path.equals("/") || path.startsWith("/jakarta.faces.resource/");
        set(response, page);
        try {
            chain.doFilter(request, response);
        } catch (ServletException e) {
            boolean stale = Causes.of(e).stream().anyMatch(CspException.class::isInstance);
            boolean unreadable = unreadableUpload(e);
            if (!stale && !unreadable || response.isCommitted()) {
                throw e;
            }
            // a form posted without the nonce of the page it came from (forged, or sent by a script that never ran the
            // page's own), or an upload larger than the container reads: refused, and said so in the language the
            // person chose for the pages, rather than Payara's 500 with the exception's name
            LOG.info(() -> "refused a post to " + path + " from " + request.getRemoteAddr() + ": " + e.getMessage());
            java.util.ResourceBundle msg = Texts.bundle(languages.getLocale());
            response.reset();
            set(response, false);
            response.setContentType("text/html;charset=UTF-8");
            if (stale) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                response.getWriter().write(RefusalPage.html(request.getContextPath(), msg));
            } else {
                boolean tooLarge = Causes.of(e).stream()
                        .anyMatch(cause -> String.valueOf(cause.getMessage()).contains("exceeds the configured maximum"));
                response.setStatus(tooLarge ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE : HttpServletResponse.SC_BAD_REQUEST);
                String back = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
                response.getWriter().write(RefusalPage.html(msg, tooLarge ? "upload.tooLarge" : "upload.refused", back));
            }
        }
    }

    /**
     * Whether the container could not read a multipart post (larger than the Faces servlet's multipart-config allows,
     * or malformed): it says so with a ServletException from its upload reader, before Faces sees a parameter.
     */
    static boolean unreadableUpload(Throwable thrown) {
        return Causes.of(thrown).stream().map(Throwable::getStackTrace)
                .anyMatch(frames -> frames.length > 0 && frames[0].getClassName().startsWith("org.apache.catalina.fileupload."));
    }

    static void set(HttpServletResponse response, boolean page) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        if (!page) {
            response.setHeader("Content-Security-Policy", NOTHING_RUNS);
        }
    }
}
