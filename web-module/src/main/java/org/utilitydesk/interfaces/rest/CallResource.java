package org.utilitydesk.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.utilitydesk.interfaces.facade.CallFacade;
import org.utilitydesk.interfaces.facade.NewOutboundCall;
import org.utilitydesk.interfaces.facade.OutboundCallView;
import org.utilitydesk.interfaces.security.Roles;

/**
 * Click-to-dial: {@code POST /api/calls/outbound} asks the telephone system to call a number and answers
 * 202 with the call to follow at {@code GET /api/calls/outbound/{id}}; 503 if the telephone system is
 * not available (the attempt is still recorded, as FAILED).
 */
@Path("calls/outbound")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
public class CallResource {

    @Inject
    private CallFacade calls;

    @Context
    private HttpHeaders headers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response dial(@Valid @NotNull(message = "{api.body.required}") NewOutboundCall request,
                         @Context SecurityContext security, @Context UriInfo uri) {
        OutboundCallView call = calls.dial(request, security.getUserPrincipal().getName());
        if ("FAILED".equals(call.state())) {
            return ApiError.response(headers.getAcceptableLanguages(), Response.Status.SERVICE_UNAVAILABLE,
                    "telephoneUnavailable", String.valueOf(call.id()));
        }
        return Response.accepted(call).location(uri.getAbsolutePathBuilder().path(String.valueOf(call.id())).build()).build();
    }

    @GET
    @Path("{id: \\d{1,18}}")
    public Response find(@PathParam("id") long id) {
        return calls.find(id)
                .map(view -> Response.ok(view).build())
                .orElseGet(() -> ApiError.response(headers.getAcceptableLanguages(), Response.Status.NOT_FOUND,
                        "outboundCallNotFound", String.valueOf(id)));
    }
}
