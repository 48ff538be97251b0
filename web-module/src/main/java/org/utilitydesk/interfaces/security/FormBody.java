package org.utilitydesk.interfaces.security;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import jakarta.servlet.ServletInputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of a posted form ({@code application/x-www-form-urlencoded}), read by the application at
 * {@link BodyPace}'s pace rather than by the container, which would wait for a slow body as long as it is fed. Read
 * once per request and kept in it: the login reads it before the filters, and {@link SlowBodies} hands the same
 * fields to the pages.
 */
final class FormBody {

    /** As Payara's own limit for form posts (max-form-post-size-bytes): pages' forms are far smaller. */
    static final int MAX_BYTES = 2 * 1024 * 1024;

    private static final String ATTRIBUTE = FormBody.class.getName();

    private FormBody() {
    }

    /** Whether {@code request} carries a form this class reads. */
    static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
                && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /**
     * The form's fields, in the order sent (a name sent twice has two values).
     *
     * @throws BodyPace.TooSlow when the body does not keep its pace
     * @throws TooLarge when it is over {@link #MAX_BYTES}
     */
    static Map<String, String[]> of(HttpServletRequest request) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, String[]> known = (Map<String, String[]>) request.getAttribute(ATTRIBUTE);
        if (known != null) {
            return known;
        }
        if (request.getContentLengthLong() > MAX_BYTES) {
            throw new TooLarge();
        }
        Map<String, String[]> fields = parse(read(request.getInputStream()), charset(request));
        request.setAttribute(ATTRIBUTE, fields);
        return fields;
    }

    /** Whether the form of this request was read here (the container's parameters then hold only the query's). */
    static boolean wasRead(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) != null;
    }

    private static byte[] read(ServletInputStream in) throws IOException {
        ServletInputStream paced = BodyPace.paced(in);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = paced.read(buffer)) >= 0; ) {
            if (body.size() + n > MAX_BYTES) {
                throw new TooLarge();
            }
            body.write(buffer, 0, n);
        }
        return body.toByteArray();
    }

    static Map<String, String[]> parse(byte[] body, Charset charset) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decoded(equals < 0 ? pair : pair.substring(0, equals), charset);
            String value = equals < 0 ? "" : decoded(pair.substring(equals + 1), charset);
            if (name != null && value != null) {
                fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        Map<String, String[]> result = new LinkedHashMap<>();
        fields.forEach((name, values) -> result.put(name, values.toArray(String[]::new)));
        return Collections.unmodifiableMap(result);
    }

    /** The %-escaped bytes of the body decoded in the request's charset; a malformed escape drops the field, as the container does. */
    private static String decoded(String latin1, Charset charset) {
        try {
            return URLDecoder.decode(new String(latin1.getBytes(StandardCharsets.ISO_8859_1), charset), charset);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Charset charset(HttpServletRequest request) {
        String name = request.getCharacterEncoding();
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** A form larger than {@link #MAX_BYTES}. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("form over " + MAX_BYTES + " bytes", null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
