package org.utilitydesk.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import java.util.Locale;
import org.utilitydesk.application.KnowledgeBase;
import org.utilitydesk.domain.model.knowledge.Audience;
import org.utilitydesk.interfaces.facade.ArticleActionRequest;
import org.utilitydesk.interfaces.facade.ArticleRequest;
import org.utilitydesk.interfaces.facade.KnowledgeFacade;
import org.utilitydesk.interfaces.security.Roles;

/**
 * The knowledge base for staff.
 * <ul>
 * <li>{@code GET /api/knowledge/search?q=&category=&tag=&offset=&limit=}: published articles (internal and
 *     public), with highlights and category counts; editors and supervisors add {@code all=true} for drafts,
 *     articles in review and archived ones;</li>
 * <li>{@code POST /api/knowledge/articles}: propose a new article (a draft); {@code PUT …/{code}}: propose an edit;</li>
 * <li>{@code POST …/{code}/actions}: SUBMIT (anyone), APPROVE/REJECT (editors, supervisors),
 *     PUBLISH/RESTORE/ARCHIVE (supervisors), each on a version number;</li>
 * <li>{@code GET …/{code}}, {@code …/{code}/diff?from=&to=}, {@code POST …/{code}/vote}, {@code GET /api/knowledge/review-queue}.</li>
 * </ul>
 */
@Path("knowledge")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.EDITOR})
public class KnowledgeResource {

    @Inject
    private KnowledgeFacade knowledge;

    @Context
    private HttpHeaders headers;

    @GET
    @Path("search")
    public Response search(@QueryParam("q") String q, @QueryParam("category") String category, @QueryParam("tag") String tag,
                           @QueryParam("offset") @DefaultValue("0") int offset, @QueryParam("limit") @DefaultValue("10") int limit,
                           @QueryParam("all") @DefaultValue("false") boolean all, @Context SecurityContext security) {
        boolean editorial = all && (security.isUserInRole(Roles.EDITOR) || security.isUserInRole(Roles.SUPERVISOR));
        return Response.ok(knowledge.search(new KnowledgeBase.Search(q, category, tag,
                editorial ? KnowledgeBase.Scope.EDITORIAL : KnowledgeBase.Scope.STAFF, offset, limit), locale())).build();
    }

    /**
     * Articles for the call in hand: {@code ?callId=} (its IVR path) or {@code ?path=MAIN,FAULT,FAULT_NO_POWER},
     * and/or {@code &reason=} what the caller said.
     */
    @GET
    @Path("suggestions")
    public Response suggestions(@QueryParam("callId") Long callId, @QueryParam("path") String path,
                                @QueryParam("reason") String reason, @QueryParam("limit") @DefaultValue("5") int limit) {
        java.util.List<String> nodes = path == null || path.isBlank() ? java.util.List.of()
                : java.util.Arrays.stream(path.split(",")).map(String::strip).filter(p -> p.matches("[A-Z_0-9]{1,32}")).toList();
        return Response.ok(knowledge.suggest(callId, nodes, reason, limit, locale())).build();
    }

    @GET
    @Path("categories")
    public Response categories() {
        return Response.ok(knowledge.categories(locale())).build();
    }

    @POST
    @Path("articles")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response propose(@Valid @NotNull ArticleRequest request, @Context SecurityContext security, @Context UriInfo uri) {
        var view = knowledge.propose(request, user(security), locale());
        return Response.created(uri.getBaseUriBuilder().path("knowledge/articles/{code}").build(view.code())).entity(view).build();
    }

    @GET
    @Path("articles/{code}")
    public Response open(@PathParam("code") String code) {
        return knowledge.open(code, locale()).map(v -> Response.ok(v).build()).orElseGet(() -> notFound(code));
    }

    @PUT
    @Path("articles/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response edit(@PathParam("code") String code, @Valid @NotNull ArticleRequest request, @Context SecurityContext security) {
        return knowledge.edit(code, request, user(security), locale()).map(v -> Response.ok(v).build()).orElseGet(() -> notFound(code));
    }

    @POST
    @Path("articles/{code}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response act(@PathParam("code") String code, @Valid @NotNull ArticleActionRequest request,
                        @Context SecurityContext security) {
        boolean allowed = switch (request.action()) {
            case SUBMIT -> true;
            case APPROVE, REJECT -> security.isUserInRole(Roles.EDITOR) || security.isUserInRole(Roles.SUPERVISOR);
            case PUBLISH, RESTORE, ARCHIVE -> security.isUserInRole(Roles.SUPERVISOR);
        };
        if (!allowed) {
            return ApiError.response(headers.getAcceptableLanguages(), Response.Status.FORBIDDEN, "forbidden");
        }
        if (request.action() == KnowledgeBase.Action.REJECT && (request.note() == null || request.note().isBlank())) {
            return ApiError.response(headers.getAcceptableLanguages(), Response.Status.BAD_REQUEST, "noteRequired",
                    request.action().name());
        }
        return knowledge.act(code, request, user(security), locale()).map(v -> Response.ok(v).build()).orElseGet(() -> notFound(code));
    }

    /** Files the article under another category or audience (editors, supervisors). */
    @PUT
    @Path("articles/{code}/classification")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EDITOR, Roles.SUPERVISOR})
    public Response reclassify(@PathParam("code") String code, @Valid @NotNull Classification request,
                               @Context SecurityContext security) {
        return knowledge.reclassify(code, request.categoryCode(), request.audience(), user(security), locale())
                .map(v -> Response.ok(v).build()).orElseGet(() -> notFound(code));
    }

    @POST
    @Path("articles/{code}/vote")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response vote(@PathParam("code") String code, @NotNull Vote vote, @Context SecurityContext security) {
        return knowledge.vote(code, user(security), vote.helpful(), locale()).map(v -> Response.ok(v).build())
                .orElseGet(() -> notFound(code));
    }

    /**
     * Attaches a file: the body is the file, {@code ?name=} its name (PNG, JPEG, PDF or plain text, at most
     * 10 MB, checked by content as well as by name).
     */
    @POST
    @Path("articles/{code}/attachments")
    @Consumes(MediaType.WILDCARD)
    @MaxBody(value = org.utilitydesk.domain.model.file.AttachmentKind.MAX_BYTES, message = "knowledge.attachment.TOO_LARGE")
    public Response attach(@PathParam("code") String code, @QueryParam("name") String name, java.io.InputStream body,
                           @Context SecurityContext security, @Context UriInfo uri) throws java.io.IOException {
        if (name == null || name.isBlank()) {
            return ApiError.response(headers.getAcceptableLanguages(), Response.Status.BAD_REQUEST, "invalidRequest", "name");
        }
        byte[] content = body.readNBytes((int) org.utilitydesk.domain.model.file.AttachmentKind.MAX_BYTES + 1);
        return knowledge.attach(code, name, content, user(security))
                .map(a -> Response.created(uri.getBaseUriBuilder().path("knowledge/articles/{code}/attachments/{id}")
                        .build(code, a.id())).entity(a).build())
                .orElseGet(() -> notFound(code));
    }

    /**
     * {@code POST /api/knowledge/articles/{code}/attachments/{id}/review {"decision":"APPROVE"}} (or REJECT): an editor's
     * decision on a file waiting for review; the portal serves approved files only. 409 if the file is not pending or,
     * with four eyes in the article's category, the editor uploaded it.
     */
    @POST
    @Path("articles/{code}/attachments/{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EDITOR, Roles.SUPERVISOR})
    public Response reviewAttachment(@PathParam("code") String code, @PathParam("id") long id,
                                     @Valid @NotNull(message = "{api.body.required}") FileReview review,
                                     @Context SecurityContext security) {
        return knowledge.reviewAttachment(code, id, review.decision() == FileDecision.APPROVE, user(security))
                .map(a -> Response.ok(a).build()).orElseGet(() -> notFound(code));
    }

    @GET
    @Path("articles/{code}/attachments/{id}")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("code") String code, @PathParam("id") long id) {
        return knowledge.attachment(code, id).map(AttachmentResponses::file).orElseGet(() -> notFound(code));
    }

    @GET
    @Path("articles/{code}/diff")
    public Response diff(@PathParam("code") String code, @QueryParam("from") int from, @QueryParam("to") int to) {
        return knowledge.diff(code, from, to).map(d -> Response.ok(d).build()).orElseGet(() -> notFound(code));
    }

    @GET
    @Path("review-queue")
    @RolesAllowed({Roles.EDITOR, Roles.SUPERVISOR})
    public Response reviewQueue() {
        return Response.ok(knowledge.reviewQueue(locale())).build();
    }

    /** A helpful / not helpful vote. */
    public record Vote(boolean helpful) {
    }

    /** What an editor decides about a file waiting for review. */
    public enum FileDecision { APPROVE, REJECT }

    /** An editor's decision on a file attached to an article. */
    public record FileReview(@NotNull(message = "{api.decision.required}") FileDecision decision) {
    }

    /** A new category and/or audience for an article. */
    public record Classification(@jakarta.validation.constraints.Pattern(regexp = "[A-Z_]{1,32}") String categoryCode,
                                 Audience audience) {
    }

    private Locale locale() {
        return Localized.locale(headers.getAcceptableLanguages());
    }

    private static String user(SecurityContext security) {
        return security.getUserPrincipal().getName();
    }

    private Response notFound(String code) {
        return ApiError.response(headers.getAcceptableLanguages(), Response.Status.NOT_FOUND, "articleNotFound",
                ApiError.echo(code));
    }
}
