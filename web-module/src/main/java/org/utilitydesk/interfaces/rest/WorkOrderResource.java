package org.utilitydesk.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import java.util.List;
import java.util.Map;
import org.utilitydesk.application.WorkOrderService;
import org.utilitydesk.domain.model.workorder.Channel;
import org.utilitydesk.interfaces.facade.NewWorkOrder;
import org.utilitydesk.interfaces.facade.WorkOrderAction;
import org.utilitydesk.interfaces.facade.WorkOrderFacade;
import org.utilitydesk.interfaces.facade.WorkOrderView;
import org.utilitydesk.interfaces.security.Roles;

/**
 * Opening, following and moving work orders: {@code POST /api/work-orders} (one, or many at
 * {@code /api/work-orders/batch}), {@code GET /api/work-orders/{orderNo}},
 * {@code POST /api/work-orders/{orderNo}/actions}; a crew's photos at {@code GET /api/work-orders/{orderNo}/photos/{id}}.
 */
@Path("work-orders")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
public class WorkOrderResource {

    static final int MAX_BATCH = 500;
    /** 500 orders with descriptions of 4,000 Chinese characters each take 6 MB. */
    static final long BATCH_BYTES = 8L * 1024 * 1024;

    @Inject
    private WorkOrderFacade orders;

    @Context
    private HttpHeaders headers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(@Valid @NotNull(message = "{api.body.required}") NewWorkOrder request,
                         @Context SecurityContext security, @Context UriInfo uri) {
        WorkOrderView order = orders.open(request, Channel.API, security.getUserPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(order.orderNo()).build()).entity(order).build();
    }

    /**
     * {@code POST /api/work-orders/batch [{…}, {…}]}: up to {@value #MAX_BATCH} orders at once, for channels that
     * submit in bulk. All are stored or none: an invalid item (the message names its index) or an unknown account
     * refuses the batch. Answers 201 with each order's request key, number and state, in the request's order.
     */
    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @MaxBody(BATCH_BYTES)
    public Response openAll(@NotNull(message = "{api.batch.required}")
                            @Size(min = 1, max = MAX_BATCH, message = "{api.batch.size}")
                            List<@Valid @NotNull(message = "{api.batch.item.required}") NewWorkOrder> requests,
                            @Context SecurityContext security) {
        List<WorkOrderFacade.OpenedOrder> opened = orders.openAll(requests, Channel.API, security.getUserPrincipal().getName());
        return Response.status(Response.Status.CREATED).entity(Map.of("orders", opened)).build();
    }

    /**
     * {@code POST /api/work-orders/{orderNo}/actions {"action":"RESOLVE","note":"…"}}: moves the order on.
     * Cancelling needs a supervisor. A move the order's state does not allow is a 409 that says why.
     */
    @POST
    @Path("{orderNo}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response act(@PathParam("orderNo") String orderNo,
                        @Valid @NotNull(message = "{api.body.required}") WorkOrderAction request,
                        @Context SecurityContext security) {
        if (request.action() == WorkOrderService.Action.CANCEL && !security.isUserInRole(Roles.SUPERVISOR)) {
            return ApiError.response(headers.getAcceptableLanguages(), Response.Status.FORBIDDEN, "forbidden");
        }
        return orders.act(orderNo, request.action(), request.note(), security.getUserPrincipal().getName(), Channel.API)
                .map(view -> Response.ok(view).build())
                .orElseGet(() -> notFound(orderNo));
    }

    /** A crew's photo of the order, shown inline (JPEG or PNG). */
    @GET
    @Path("{orderNo}/photos/{id}")
    @Produces(MediaType.WILDCARD)
    public Response photo(@PathParam("orderNo") String orderNo, @PathParam("id") long id) {
        return orders.photo(orderNo, id).map(AttachmentResponses::photo).orElseGet(() -> notFound(orderNo));
    }

    @GET
    @Path("{orderNo}")
    public Response find(@PathParam("orderNo") String orderNo) {
        return orders.find(orderNo)
                .map(view -> Response.ok(view).build())
                .orElseGet(() -> notFound(orderNo));
    }

    private Response notFound(String orderNo) {
        return ApiError.response(headers.getAcceptableLanguages(), Response.Status.NOT_FOUND,
                "workOrderNotFound", orderNo.length() > 30 ? orderNo.substring(0, 30) : orderNo);
    }
}
