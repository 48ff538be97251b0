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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Function;
import org.utilitydesk.application.CrewWork;
import org.utilitydesk.domain.model.file.AttachmentKind;
import org.utilitydesk.interfaces.facade.CrewFacade;
import org.utilitydesk.interfaces.facade.WorkOrderAction;
import org.utilitydesk.interfaces.security.Roles;

/**
 * A field crew's API (their phones' app, or the crew page's uploads): {@code GET /api/crew/orders} the crew's
 * jobs; {@code GET /api/crew/orders/{orderNo}} one with its history, address and the customer's number;
 * {@code POST …/accept} to take it; {@code POST …/actions {"action":"START|NOTE|AWAIT_CUSTOMER|CUSTOMER_RESPONDED|RESOLVE","note":…}};
 * {@code POST …/photos?name=…} with the photo as the body (JPEG or PNG, at most 10 MB); {@code GET …/photos/{id}}.
 * Another crew's order is a 404, as if it did not exist.
 */
@Path("crew/orders")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@RolesAllowed(Roles.CREW)
public class CrewResource {

    @Inject
    private CrewFacade crews;

    @Context
    private HttpHeaders headers;

    @Context
    private SecurityContext security;

    @GET
    public Response jobs() {
        return asMember(member -> Response.ok(crews.jobs(member)).build());
    }

    @GET
    @Path("{orderNo}")
    public Response order(@PathParam("orderNo") String orderNo) {
        return asMember(member -> found(crews.order(member, orderNo), orderNo));
    }

    @POST
    @Path("{orderNo}/accept")
    public Response accept(@PathParam("orderNo") String orderNo) {
        return asMember(member -> found(crews.accept(member, orderNo), orderNo));
    }

    @POST
    @Path("{orderNo}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response act(@PathParam("orderNo") String orderNo,
                        @Valid @NotNull(message = "{api.body.required}") WorkOrderAction request) {
        if (!CrewWork.CREW_ACTIONS.contains(request.action())) {
            return ApiError.response(headers.getAcceptableLanguages(), Response.Status.FORBIDDEN, "forbidden");
        }
        return asMember(member -> found(crews.act(member, orderNo, request.action(), request.note()), orderNo));
    }

    @POST
    @Path("{orderNo}/photos")
    @Consumes(MediaType.WILDCARD)
    @MaxBody(value = AttachmentKind.MAX_BYTES, message = "workorder.photo.TOO_LARGE")
    public Response addPhoto(@PathParam("orderNo") String orderNo, @QueryParam("name") String name, InputStream body,
                             @Context UriInfo uri) throws IOException {
        if (name == null || name.isBlank()) {
            return ApiError.response(headers.getAcceptableLanguages(), Response.Status.BAD_REQUEST, "invalidRequest", "name");
        }
        // one byte more than allowed is enough to know it is too large; the rest is never read into memory
        byte[] content = body.readNBytes((int) AttachmentKind.MAX_BYTES + 1);
        return asMember(member -> crews.addPhoto(member, orderNo, name, content)
                .map(p -> Response.created(uri.getBaseUriBuilder().path("crew/orders/{no}/photos/{id}").build(orderNo, p.id()))
                        .entity(p).build())
                .orElseGet(() -> notFound(orderNo)));
    }

    @GET
    @Path("{orderNo}/photos/{id}")
    @Produces(MediaType.WILDCARD)
    public Response photo(@PathParam("orderNo") String orderNo, @PathParam("id") long id) {
        return asMember(member -> crews.photo(member, orderNo, id).map(AttachmentResponses::photo)
                .orElseGet(() -> notFound(orderNo)));
    }

    /** A CREW login that is not on a crew (no department of kind CREW) may do nothing here. */
    private Response asMember(Function<CrewWork.Member, Response> work) {
        return crews.member(security.getUserPrincipal().getName()).map(work)
                .orElseGet(() -> ApiError.response(headers.getAcceptableLanguages(), Response.Status.FORBIDDEN, "notOnCrew"));
    }

    private Response found(Optional<?> view, String orderNo) {
        return view.map(v -> Response.ok(v).build()).orElseGet(() -> notFound(orderNo));
    }

    private Response notFound(String orderNo) {
        return ApiError.response(headers.getAcceptableLanguages(), Response.Status.NOT_FOUND,
                "workOrderNotFound", ApiError.echo(orderNo));
    }
}
