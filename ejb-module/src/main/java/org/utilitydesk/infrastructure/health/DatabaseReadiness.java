package org.utilitydesk.infrastructure.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when a pooled connection answers a round trip to the database within two seconds. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness extends ReadinessCheck {

    @Resource(lookup = "jdbc/utilitydesk")
    private DataSource dataSource;

    @Override
    public HealthCheckResponse details() {
        try (Connection c = dataSource.getConnection()) {
            boolean valid = c.isValid(2);
            return HealthCheckResponse.named("database").status(valid)
                    .withData("product", c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion())
                    .build();
        } catch (SQLException e) {
            return HealthCheckResponse.named("database").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
