package org.utilitydesk.interfaces.rest;

import static org.utilitydesk.infrastructure.JsonSupport.JSON;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.TreeMap;
import org.utilitydesk.infrastructure.health.ReadinessReport;
import org.utilitydesk.interfaces.security.Roles;

/**
 * {@code GET /api/health}: the readiness checks with what each found (the database's version, the telephone system's
 * address and state, the recordings folders, an error's text), for administrators and supervisors. The open
 * {@code /health/ready} says only UP or DOWN per check.
 */
@Path("health")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
public class HealthResource {

    @Inject
    private ReadinessReport report;

    @GET
    public JsonObject readiness() {
        List<ReadinessReport.Finding> findings = report.findings();
        JsonArrayBuilder list = JSON.createArrayBuilder();
        for (ReadinessReport.Finding finding : findings) {
            JsonObjectBuilder details = JSON.createObjectBuilder();
            new TreeMap<>(finding.details()).forEach(details::add);
            list.add(JSON.createObjectBuilder().add("name", finding.name()).add("status", finding.up() ? "UP" : "DOWN")
                    .add("data", details));
        }
        boolean up = findings.stream().allMatch(ReadinessReport.Finding::up);
        return JSON.createObjectBuilder().add("status", up ? "UP" : "DOWN").add("checks", list).build();
    }
}
