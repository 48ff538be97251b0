package org.utilitydesk.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import java.util.List;
import java.util.Map;
import org.utilitydesk.application.Surveys;
import org.utilitydesk.interfaces.security.Roles;

/**
 * Callback surveys made by agents: {@code GET /api/surveys/tasks} lists the surveys waiting for an agent (phones
 * masked), {@code POST /api/surveys/{id}/answer} records the customer's score (1-5) and comment once.
 */
@Path("surveys")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
public class SurveyResource {

    /** What the agent heard from the customer. */
    public record AnswerRequest(@NotNull(message = "{api.score.required}") @Min(value = 1, message = "{api.score}")
                                @Max(value = 5, message = "{api.score}") Integer score,
                                @Size(max = 2000, message = "{api.comment.size}") String comment) {
    }

    @Inject
    private Surveys surveys;

    @Context
    private HttpHeaders headers;

    @Context
    private SecurityContext security;

    @GET
    @Path("tasks")
    public List<Surveys.AgentTask> tasks() {
        return surveys.agentTasks(100, false);
    }

    @POST
    @Path("{id: \\d{1,18}}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response answer(@PathParam("id") long id, @Valid @NotNull(message = "{api.body.required}") AnswerRequest request) {
        try {
            Surveys.Outcome outcome = surveys.answer(id, new Surveys.Answer(request.score(), request.comment(), null,
                    security.getUserPrincipal().getName()));
            if (!outcome.recorded()) {
                return ApiError.response(headers.getAcceptableLanguages(), Response.Status.CONFLICT, "surveyClosed", id);
            }
            return Response.ok(outcome.followUpOrderNo() == null ? Map.of("recorded", true)
                    : Map.of("recorded", true, "followUpOrderNo", outcome.followUpOrderNo())).build();
        } catch (jakarta.ejb.EJBException e) {
            if (e.getCause() instanceof IllegalArgumentException) {
                return ApiError.response(headers.getAcceptableLanguages(), Response.Status.NOT_FOUND, "surveyNotFound", id);
            }
            throw e;
        }
    }
}
