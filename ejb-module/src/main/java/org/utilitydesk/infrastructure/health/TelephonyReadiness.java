package org.utilitydesk.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.utilitydesk.domain.service.TelephonyStatus;
import org.utilitydesk.infrastructure.telephony.FastAgiServer;

/**
 * Reports the telephone system's connection. A system with no Asterisk configured is still ready (the
 * desk, portal and API work without phones) and says so; a configured but unreachable one is not.
 */
@Readiness
@ApplicationScoped
public class TelephonyReadiness extends ReadinessCheck {

    @Inject
    private TelephonyStatus telephony;

    @Inject
    private FastAgiServer fastAgi;

    @Override
    public HealthCheckResponse details() {
        TelephonyStatus.State state = telephony.state();
        return HealthCheckResponse.named("telephony")
                .status(state != TelephonyStatus.State.DISCONNECTED)
                .withData("state", state.name())
                .withData("endpoint", telephony.endpoint())
                .withData("problem", telephony.problem())
                .withData("fastAgiPort", fastAgi.port())
                .withData("fastAgiListening", fastAgi.isListening())
                .build();
    }
}
