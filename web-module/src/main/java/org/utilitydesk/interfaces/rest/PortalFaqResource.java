package org.utilitydesk.interfaces.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.utilitydesk.application.KnowledgeBase;
import org.utilitydesk.interfaces.facade.KnowledgeFacade;
import org.utilitydesk.interfaces.facade.PortalVisitor;

/**
 * The public FAQ of the self-service portal, open to everyone by design: {@code GET /api/portal/faq?q=}
 * searches published public articles only; {@code GET /api/portal/faq/{code}} opens one (internal
 * articles, drafts and archived ones are not found, and authors and reviewers are not shown); visitors vote
 * on what helped ({@code POST …/{code}/vote}).
 */
@Path("portal/faq")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class PortalFaqResource {

    @Inject
    private KnowledgeFacade knowledge;

    @Context
    private HttpHeaders headers;

    @GET
    @PermitAll
    public Response search(@QueryParam("q") String q, @QueryParam("category") String category,
                           @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("10") int limit) {
        return Response.ok(knowledge.search(new KnowledgeBase.Search(q, category, null, KnowledgeBase.Scope.PORTAL, offset,
                Math.min(limit, 20)), Localized.locale(headers.getAcceptableLanguages()))).build();
    }

    @GET
    @Path("{code}/attachments/{id}")
    @Produces(MediaType.WILDCARD)
    @PermitAll
    public Response attachment(@PathParam("code") String code, @PathParam("id") long id) {
        return knowledge.publicAttachment(code, id).map(AttachmentResponses::file)
                .orElseGet(() -> ApiError.response(headers.getAcceptableLanguages(), Response.Status.NOT_FOUND, "articleNotFound",
                        ApiError.echo(code)));
    }

    /**
     * {@code POST /api/portal/faq/{code}/vote} {@code {"helpful": true}}: one vote per visitor (address and
     * browser, for the day) and article; 204, or 404 for anything but a published public article.
     */
    @POST
    @Path("{code}/vote")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    public Response vote(@PathParam("code") String code, @NotNull(message = "{api.body.required}") KnowledgeResource.Vote vote,
                         @Context HttpServletRequest request) {
        String visitor = PortalVisitor.of(request.getRemoteAddr(), request.getHeader("User-Agent"),
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
        return knowledge.votePublic(code, visitor, vote.helpful()) ? Response.noContent().build()
                : ApiError.response(headers.getAcceptableLanguages(), Response.Status.NOT_FOUND, "articleNotFound",
                        ApiError.echo(code));
    }

    @GET
    @Path("{code}")
    @PermitAll
    public Response open(@PathParam("code") String code) {
        return knowledge.openPublic(code, Localized.locale(headers.getAcceptableLanguages())).map(v -> Response.ok(v).build())
                .orElseGet(() -> ApiError.response(headers.getAcceptableLanguages(), Response.Status.NOT_FOUND, "articleNotFound",
                        ApiError.echo(code)));
    }
}
