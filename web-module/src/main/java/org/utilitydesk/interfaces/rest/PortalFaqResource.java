package org.utilitydesk.interfaces.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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

/**
 * The public FAQ of the self-service portal, open to everyone by design: {@code GET /api/portal/faq?q=}
 * searches published public articles only; {@code GET /api/portal/faq/{code}} opens one (internal
 * articles, drafts and archived ones are not found, and authors and reviewers are not shown).
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
                        code.length() > 20 ? code.substring(0, 20) : code));
    }

    @GET
    @Path("{code}")
    @PermitAll
    public Response open(@PathParam("code") String code) {
        return knowledge.openPublic(code, Localized.locale(headers.getAcceptableLanguages())).map(v -> Response.ok(v).build())
                .orElseGet(() -> ApiError.response(headers.getAcceptableLanguages(), Response.Status.NOT_FOUND, "articleNotFound",
                        code.length() > 20 ? code.substring(0, 20) : code));
    }
}
