package org.utilitydesk.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import org.utilitydesk.interfaces.facade.NoteRequest;
import org.utilitydesk.interfaces.facade.WorkOrderFacade;
import org.utilitydesk.interfaces.security.Roles;

/**
 * Incidents: {@code GET /api/incidents/{no}} shows one with its reports; {@code POST /api/incidents/{no}/resolve}
 * (supervisors) resolves it and every report under it, telling each reporting customer.
 */
@Path("incidents")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
public class IncidentResource {

    @Inject
    private WorkOrderFacade orders;

    @Context
    private HttpHeaders headers;

    @GET
    @Path("{incidentNo}")
    public Response find(@PathParam("incidentNo") String incidentNo) {
        return orders.incident(incidentNo).map(view -> Response.ok(view).build()).orElseGet(() -> notFound(incidentNo));
    }

    @POST
    @Path("{incidentNo}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    public Response resolve(@PathParam("incidentNo") String incidentNo, @Valid NoteRequest request,
                            @Context SecurityContext security) {
        return orders.resolveIncident(incidentNo, request == null ? null : request.note(), security.getUserPrincipal().getName())
                .map(view -> Response.ok(view).build()).orElseGet(() -> notFound(incidentNo));
    }

    private Response notFound(String incidentNo) {
        return ApiError.response(headers.getAcceptableLanguages(), Response.Status.NOT_FOUND, "incidentNotFound",
                incidentNo.length() > 30 ? incidentNo.substring(0, 30) : incidentNo);
    }
}
