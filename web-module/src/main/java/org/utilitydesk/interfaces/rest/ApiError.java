package org.utilitydesk.interfaces.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;

/**
 * The body of every API error: a stable code for programs, a message in the caller's language and, when one field of
 * the request is at fault, its path ({@code subject}, {@code [3].type}).
 */
public record ApiError(int status, String code, String message, String field) {

    /** A value the caller sent, as an error message repeats it: at most 20 characters. */
    static String echo(String value) {
        return value == null || value.length() <= 20 ? value : value.substring(0, 20);
    }

    /** An error whose message is {@code messageKey}'s in the caller's language rather than the code's own. */
    static Response explained(List<Locale> accepted, Response.Status status, String code, String messageKey) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new ApiError(status.getStatusCode(), code, Localized.message(accepted, messageKey), null))
                .build();
    }

    static Response response(List<Locale> accepted, Response.Status status, String code, Object... args) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new ApiError(status.getStatusCode(), code, Localized.message(accepted, "error." + code, args), null))
                .build();
    }

    /** A body that is not what the endpoint reads: 400, the field named in the message and on its own. */
    static Response refused(List<Locale> accepted, JsonRefusal refusal) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(of(accepted, refusal))
                .build();
    }

    static ApiError of(List<Locale> accepted, JsonRefusal refusal) {
        Object[] details = refusal.details().stream()
                .map(d -> d instanceof JsonRefusal.Kind kind ? Localized.message(accepted, "json.kind." + kind.name()) : String.valueOf(d))
                .toArray();
        String problem = Localized.message(accepted, "json." + refusal.problem().name(), details);
        String what = refusal.field().isEmpty() ? Localized.message(accepted, "json.body", problem)
                : Localized.message(accepted, "json.field", refusal.field(), problem);
        return new ApiError(400, "invalidRequest", Localized.message(accepted, "error.invalidRequest", what),
                refusal.field().isEmpty() ? null : refusal.field());
    }
}
