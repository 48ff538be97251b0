package org.utilitydesk.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.utilitydesk.application.CallRouting;
import org.utilitydesk.interfaces.security.Roles;

/** {@code GET /api/acd/wallboard}: the live lines, agents by state and today's figures, for supervisors. */
@Path("acd/wallboard")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
public class WallboardResource {

    @Inject
    private CallRouting routing;

    @GET
    public CallRouting.Wallboard wallboard() {
        return routing.wallboard();
    }
}
