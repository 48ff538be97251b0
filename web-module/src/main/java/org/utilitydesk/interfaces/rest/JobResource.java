package org.utilitydesk.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.utilitydesk.batch.control.JobControl;
import org.utilitydesk.interfaces.security.Roles;

/**
 * Batch jobs for supervisors: {@code POST /api/jobs/{name}} starts one (JSON object of parameters),
 * {@code GET /api/jobs/executions/{id}} shows its status and step counts, {@code .../stop} stops it and
 * {@code .../restart} restarts it from its checkpoint.
 */
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
public class JobResource {

    @Inject
    private JobControl jobs;

    @Context
    private HttpHeaders headers;

    @Context
    private UriInfo uri;

    @POST
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(@PathParam("name") String name, Map<String, String> parameters) {
        if (!jobs.isKnownJob(name)) {
            return ApiError.response(headers.getAcceptableLanguages(), Response.Status.NOT_FOUND, "unknownJob",
                    name.length() > 40 ? name.substring(0, 40) : name);
        }
        long id = jobs.start(name, parameters == null ? Map.of() : parameters);
        return accepted(id);
    }

    @GET
    @Path("executions/{id}")
    public Response execution(@PathParam("id") long id) {
        return jobs.find(id).map(view -> Response.ok(view).build())
                .orElseGet(() -> ApiError.response(headers.getAcceptableLanguages(), Response.Status.NOT_FOUND, "jobNotFound", id));
    }

    @POST
    @Path("executions/{id}/restart")
    public Response restart(@PathParam("id") long id) {
        var execution = jobs.find(id);
        if (execution.isEmpty()) {
            return ApiError.response(headers.getAcceptableLanguages(), Response.Status.NOT_FOUND, "jobNotFound", id);
        }
        if (!execution.get().restartable()) {
            return ApiError.response(headers.getAcceptableLanguages(), Response.Status.CONFLICT, "jobNotRestartable", id);
        }
        return accepted(jobs.restart(id));
    }

    /** Asks a running execution to stop after its current chunk; it can be restarted from there. */
    @POST
    @Path("executions/{id}/stop")
    public Response stop(@PathParam("id") long id) {
        var execution = jobs.find(id);
        if (execution.isEmpty()) {
            return ApiError.response(headers.getAcceptableLanguages(), Response.Status.NOT_FOUND, "jobNotFound", id);
        }
        if (!execution.get().running()) {
            return ApiError.response(headers.getAcceptableLanguages(), Response.Status.CONFLICT, "jobNotRunning", id);
        }
        jobs.stop(id);
        return Response.accepted(Map.of("executionId", id)).build();
    }

    private Response accepted(long executionId) {
        return Response.accepted(Map.of("executionId", executionId))
                .location(uri.getBaseUriBuilder().path("jobs/executions/{id}").build(executionId)).build();
    }
}
