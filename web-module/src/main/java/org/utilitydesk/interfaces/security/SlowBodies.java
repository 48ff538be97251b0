package org.utilitydesk.interfaces.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.utilitydesk.interfaces.desk.LocaleSelection;
import org.utilitydesk.interfaces.facade.Texts;

/**
 * The first filter of every request: what the application reads of a body, it reads at {@link BodyPace}'s pace.
 * A posted form is read here (the pages then see its fields as usual); any other body (JSON and files to the API)
 * is handed on as a stream that keeps the pace. A body that falls behind is answered 408 and its connection
 * closed, with one line in the log; a form over {@link FormBody#MAX_BYTES}, 413.
 */
public class SlowBodies extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SlowBodies.class.getName());

    @Inject
    private LocaleSelection languages;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!FormBody.isForm(request)) {
            chain.doFilter(request.getContentLengthLong() != 0 ? new PacedStream(request) : request, response);
            return;
        }
        Map<String, String[]> form;
        try {
            form = FormBody.of(request);
        } catch (BodyPace.TooSlow | FormBody.TooLarge e) {
            refuse(request, response, e);
            return;
        }
        chain.doFilter(new ReadForm(request, form), response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, IOException refused) throws IOException {
        LOG.info(() -> "gave up the body of a " + request.getMethod() + " to " + request.getRequestURI() + " from "
                + request.getRemoteAddr() + ": " + refused.getMessage());
        boolean slow = refused instanceof BodyPace.TooSlow;
        response.setStatus(slow ? HttpServletResponse.SC_REQUEST_TIMEOUT : HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        // the rest of the body is not waited for: the connection ends with this answer
        response.setHeader("Connection", "close");
        response.setContentType("text/html;charset=UTF-8");
        String back = request.getRequestURI();
        response.getWriter().write(RefusalPage.html(Texts.bundle(languages.getLocale()),
                slow ? "error.bodyTooSlow" : "error.formTooLarge", back));
    }

    /** A request whose body is read at the pace. */
    private static class PacedStream extends HttpServletRequestWrapper {
        private ServletInputStream paced;
        private BufferedReader reader;

        PacedStream(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (paced == null) {
                paced = BodyPace.paced(super.getInputStream());
            }
            return paced;
        }

        /** One reader over the paced stream, the same at every call (as the container's own). */
        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String name = getCharacterEncoding();
                Charset charset = name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }
    }

    /** A request whose form this filter has read: its fields are the query's followed by the form's. */
    private static final class ReadForm extends HttpServletRequestWrapper {
        private final Map<String, String[]> parameters;

        ReadForm(HttpServletRequest request, Map<String, String[]> form) {
            super(request);
            Map<String, String[]> all = new LinkedHashMap<>(request.getParameterMap());
            form.forEach((name, values) -> all.merge(name, values, ReadForm::concat));
            parameters = Collections.unmodifiableMap(all);
        }

        private static String[] concat(String[] first, String[] second) {
            String[] both = java.util.Arrays.copyOf(first, first.length + second.length);
            System.arraycopy(second, 0, both, first.length, second.length);
            return both;
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values.clone();
        }
    }
}
