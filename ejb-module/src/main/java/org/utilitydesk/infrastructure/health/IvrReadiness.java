package org.utilitydesk.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.utilitydesk.infrastructure.telephony.IvrWarmUp;

/** Not ready while the IVR warms up after deployment (a minute at most), so the start script waits for it. */
@Readiness
@ApplicationScoped
public class IvrReadiness extends ReadinessCheck {

    @Inject
    private IvrWarmUp warmUp;

    @Override
    public HealthCheckResponse details() {
        return HealthCheckResponse.named("ivr")
                .status(warmUp.state() != IvrWarmUp.State.RUNNING)
                .withData("warmUp", warmUp.state().name())
                .withData("outcome", warmUp.outcome())
                .build();
    }
}
