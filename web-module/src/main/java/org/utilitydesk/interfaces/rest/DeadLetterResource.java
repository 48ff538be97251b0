package org.utilitydesk.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.utilitydesk.application.DeadLetters;
import org.utilitydesk.interfaces.security.Roles;

/**
 * Messages that failed every retry, for supervisors: {@code GET /api/dead-letters} lists them,
 * {@code POST /api/dead-letters/{id}/retry} sends one back to its queue (after the cause, e.g. a missing
 * routing rule, has been fixed).
 */
@Path("dead-letters")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
public class DeadLetterResource {

    @Inject
    private DeadLetters deadLetters;

    @Context
    private HttpHeaders headers;

    @GET
    public List<DeadLetters.DeadLetter> list(@QueryParam("max") Integer max) {
        return deadLetters.list(max == null ? 100 : Math.max(1, Math.min(max, 1000)));
    }

    @POST
    @Path("{id}/retry")
    public Response retry(@PathParam("id") String id) {
        if (deadLetters.retry(id)) {
            return Response.ok(Map.of("id", id, "retried", true)).build();
        }
        return ApiError.response(headers.getAcceptableLanguages(), Response.Status.NOT_FOUND, "deadLetterNotFound",
                id.length() > 80 ? id.substring(0, 80) : id);
    }
}
