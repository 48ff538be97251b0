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
import org.utilitydesk.domain.model.workorder.Channel;
import org.utilitydesk.interfaces.facade.NewWorkOrder;
import org.utilitydesk.interfaces.facade.WorkOrderFacade;
import org.utilitydesk.interfaces.facade.WorkOrderView;
import org.utilitydesk.interfaces.security.Roles;

/** Opening and following work orders: {@code POST /api/work-orders}, {@code GET /api/work-orders/{orderNo}}. */
@Path("work-orders")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
public class WorkOrderResource {

    @Inject
    private WorkOrderFacade orders;

    @Context
    private HttpHeaders headers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(@Valid @NotNull(message = "a JSON body is required") NewWorkOrder request,
                         @Context SecurityContext security, @Context UriInfo uri) {
        WorkOrderView order = orders.open(request, Channel.API, security.getUserPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(order.orderNo()).build()).entity(order).build();
    }

    @GET
    @Path("{orderNo}")
    public Response find(@PathParam("orderNo") String orderNo) {
        return orders.find(orderNo)
                .map(view -> Response.ok(view).build())
                .orElseGet(() -> ApiError.response(headers.getAcceptableLanguages(), Response.Status.NOT_FOUND,
                        "workOrderNotFound", orderNo.length() > 30 ? orderNo.substring(0, 30) : orderNo));
    }
}
