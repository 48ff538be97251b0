package org.utilitydesk.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.utilitydesk.application.CallRouting;
import org.utilitydesk.interfaces.security.Roles;

/**
 * The signed-in agent's place in the ACD, for desks other than ours (a softphone, a CTI bar):
 * {@code POST /api/agents/me/login}, {@code PUT /api/agents/me/state} (READY, or NOT_READY with a reason),
 * {@code GET /api/agents/me/call} (the call offered or in hand, with the IVR path), {@code PUT
 * /api/agents/me/call/customer} (an unrecognised caller is this customer), the call controls ({@code PUT} /
 * {@code DELETE /api/agents/me/call/hold}, {@code POST /api/agents/me/call/transfer} to one of {@code GET
 * /api/agents/me/transfer-targets}, {@code DELETE /api/agents/me/call} to hang up), {@code POST
 * /api/agents/me/wrap-up}, {@code DELETE /api/agents/me} (log out). Refusals answer 409 with a message in
 * the caller's language.
 */
@Path("agents/me")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@RolesAllowed(Roles.AGENT)
public class AgentResource {

    /** READY, or NOT_READY with one of the not-ready reasons. */
    public record StateChange(@NotNull(message = "{acd.state}") @Pattern(regexp = "READY|NOT_READY",
            message = "{acd.state}") String state, @Size(max = 32) String reason) {
    }

    /** Who an unrecognised caller is, as the agent found out. */
    public record CallerIs(@NotNull @Positive Long callId, @NotNull @Positive Long customerId) {
    }

    /** Where to transfer the caller: QUEUE or EXPERT with a skill code, AGENT with a colleague's login. */
    public record Transfer(@NotNull(message = "{acd.transferTarget}") CallRouting.TransferKind kind,
                           @NotNull(message = "{acd.transferTarget}") @Size(min = 1, max = 64, message = "{acd.transferTarget}") String target) {
    }

    public record WrapUp(@NotNull @Positive Long callId, @NotNull(message = "{acd.disposition}") @Size(max = 32) String disposition,
                         @Size(max = 2000, message = "{acd.notes}") String notes) {
    }

    @Inject
    private CallRouting routing;

    @Context
    private HttpHeaders headers;

    @Context
    private SecurityContext security;

    @GET
    public Response me() {
        return routing.agent(user()).map(view -> Response.ok(view).build())
                .orElseGet(() -> ApiError.response(headers.getAcceptableLanguages(), Response.Status.NOT_FOUND, "agentNotLoggedIn"));
    }

    @POST
    @Path("login")
    public CallRouting.AgentView login() {
        return routing.login(user());
    }

    @PUT
    @Path("state")
    @Consumes(MediaType.APPLICATION_JSON)
    public CallRouting.AgentView state(@Valid @NotNull(message = "{api.body.required}") StateChange change) {
        return "READY".equals(change.state()) ? routing.ready(user()) : routing.notReady(user(), change.reason());
    }

    @GET
    @Path("call")
    public Response call() {
        return routing.currentCall(user()).map(call -> Response.ok(call).build()).orElseGet(() -> Response.noContent().build());
    }

    @PUT
    @Path("call/customer")
    @Consumes(MediaType.APPLICATION_JSON)
    public CallRouting.OfferedCall link(@Valid @NotNull(message = "{api.body.required}") CallerIs caller) {
        return routing.linkCustomer(user(), caller.callId(), caller.customerId());
    }

    @GET
    @Path("transfer-targets")
    public List<CallRouting.TransferTarget> transferTargets() {
        return routing.transferTargets(user());
    }

    @PUT
    @Path("call/hold")
    public CallRouting.AgentView hold() {
        return routing.hold(user());
    }

    @DELETE
    @Path("call/hold")
    public CallRouting.AgentView resume() {
        return routing.resume(user());
    }

    @POST
    @Path("call/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    public CallRouting.AgentView transfer(@Valid @NotNull(message = "{api.body.required}") Transfer transfer) {
        return routing.transfer(user(), transfer.kind(), transfer.target());
    }

    @DELETE
    @Path("call")
    public CallRouting.AgentView hangUp() {
        return routing.hangUp(user());
    }

    @POST
    @Path("wrap-up")
    @Consumes(MediaType.APPLICATION_JSON)
    public CallRouting.AgentView wrapUp(@Valid @NotNull(message = "{api.body.required}") WrapUp wrapUp) {
        return routing.wrapUp(user(), wrapUp.callId(), wrapUp.disposition(), wrapUp.notes());
    }

    @DELETE
    public Response logout() {
        routing.logout(user());
        return Response.noContent().build();
    }

    private String user() {
        return security.getUserPrincipal().getName();
    }
}
