package org.utilitydesk.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.utilitydesk.infrastructure.telephony.Recordings;

/**
 * Where Asterisk writes what callers say (voicemail, survey comments): whether Asterisk, asked after the last
 * manager login, can write there (WRITABLE, NOT_WRITABLE, UNCHECKED when it never answered, e.g. a dialplan
 * without utilitydesk-check), and when a recording was last written or lost. Always UP: callers are served
 * without these folders (one whose message cannot be saved is told so), so they are no reason to take the
 * instance out of service; a folder Asterisk cannot write to is shown here and logged as SEVERE.
 */
@Readiness
@ApplicationScoped
public class RecordingReadiness extends ReadinessCheck {

    @Inject
    private Recordings recordings;

    @Override
    public HealthCheckResponse details() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("recordings").up();
        recordings.status().forEach((name, state) -> {
            response.withData(name + "Folder", state.folder()).withData(name, state.check());
            if (state.checkedAt() != null) {
                response.withData(name + "CheckedAt", state.checkedAt().toString());
            }
            if (state.lastWritten() != null) {
                response.withData(name + "LastWritten", state.lastWritten().toString());
            }
            if (state.lastNotWritten() != null) {
                response.withData(name + "LastNotWritten", state.lastNotWritten().toString());
            }
        });
        return response.build();
    }
}
