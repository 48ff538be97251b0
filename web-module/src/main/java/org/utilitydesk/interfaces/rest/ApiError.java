package org.utilitydesk.interfaces.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;

/** The body of every API error: a stable code for programs and a message in the caller's language. */
public record ApiError(int status, String code, String message) {

    /** A value the caller sent, as an error message repeats it: at most 20 characters. */
    static String echo(String value) {
        return value == null || value.length() <= 20 ? value : value.substring(0, 20);
    }

    /** An error whose message is {@code messageKey}'s in the caller's language rather than the code's own. */
    static Response explained(List<Locale> accepted, Response.Status status, String code, String messageKey) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new ApiError(status.getStatusCode(), code, Localized.message(accepted, messageKey)))
                .build();
    }

    static Response response(List<Locale> accepted, Response.Status status, String code, Object... args) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new ApiError(status.getStatusCode(), code, Localized.message(accepted, "error." + code, args)))
                .build();
    }
}
