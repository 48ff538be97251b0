package org.utilitydesk.interfaces.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Bean Validation failures of API input: a 400 listing what is wrong. Needed beside the general mapper
 * because the JAX-RS runtime's own mapper for validation errors (an empty 400) would otherwise win.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    /** The index of a list item in a violation's path, e.g. {@code openAll.arg0[3].subject}. */
    private static final Pattern ITEM = Pattern.compile("\\[(\\d+)]");

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(ConstraintViolationException e) {
        return response(headers == null ? List.of() : headers.getAcceptableLanguages(), e);
    }

    static Response response(List<Locale> accepted, ConstraintViolationException e) {
        String what = e.getConstraintViolations().stream().map(v -> message(accepted, v)).sorted()
                .collect(Collectors.joining("; "));
        return ApiError.response(accepted, Response.Status.BAD_REQUEST, "invalidRequest", what);
    }

    /**
     * A constraint whose message is a {key} of our bundles ({@code validation.<key>}) is told in the caller's language;
     * any other (the validator's own, e.g. for {@code @Positive}) as the validator words it.
     */
    private static String message(List<Locale> accepted, ConstraintViolation<?> v) {
        // an item of a list (a batch): say which, e.g. "[3] subject is required"
        Matcher item = ITEM.matcher(String.valueOf(v.getPropertyPath()));
        return item.find() ? "[" + item.group(1) + "] " + text(accepted, v) : text(accepted, v);
    }

    private static String text(List<Locale> accepted, ConstraintViolation<?> v) {
        String template = v.getMessageTemplate();
        if (template != null && template.startsWith("{") && template.endsWith("}") && !template.startsWith("{jakarta.")
                && !template.startsWith("{org.hibernate.")) {
            try {
                return Localized.message(accepted, "validation." + template.substring(1, template.length() - 1));
            } catch (java.util.MissingResourceException e) {
                return v.getMessage();
            }
        }
        return v.getMessage();
    }
}
