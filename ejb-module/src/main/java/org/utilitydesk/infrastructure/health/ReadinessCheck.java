package org.utilitydesk.infrastructure.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * A readiness check with two audiences. Payara's {@code /health/ready} is open to anyone who reaches the port (load
 * balancers have no login), so it is told each check's name and UP or DOWN and nothing more; what a check found out
 * (the database's version, the telephone system's address, a folder, an error's text) is for administrators, who
 * read it through the API ({@code GET /api/health}).
 */
public abstract class ReadinessCheck implements HealthCheck {

    /** The check's finding with its details. */
    public abstract HealthCheckResponse details();

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponse found = details();
        return HealthCheckResponse.named(found.getName()).status(found.getStatus() == HealthCheckResponse.Status.UP).build();
    }
}
