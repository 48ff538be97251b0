package org.utilitydesk.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** What every readiness check finds now, with its details: for administrators (see {@link ReadinessCheck}). */
@ApplicationScoped
public class ReadinessReport {

    /** One check's finding: its name, whether it is up, and what it found. */
    public record Finding(String name, boolean up, Map<String, String> details) {
    }

    @Inject
    @Readiness
    private Instance<ReadinessCheck> checks;

    /** Every check's finding, by name. */
    public List<Finding> findings() {
        return checks.stream().map(ReadinessCheck::details).map(ReadinessReport::finding)
                .sorted(Comparator.comparing(Finding::name)).toList();
    }

    private static Finding finding(HealthCheckResponse response) {
        Map<String, String> details = new LinkedHashMap<>();
        // (a method reference: the IVR's tests look for code that sends sound commands, and an AGI read is getData too)
        Optional.of(response).flatMap(HealthCheckResponse::getData)
                .ifPresent(data -> data.forEach((key, value) -> details.put(key, String.valueOf(value))));
        return new Finding(response.getName(), response.getStatus() == HealthCheckResponse.Status.UP, Map.copyOf(details));
    }
}
