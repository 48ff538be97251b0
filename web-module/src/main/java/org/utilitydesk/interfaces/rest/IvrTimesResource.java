package org.utilitydesk.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.utilitydesk.domain.service.IvrCommandTimes;
import org.utilitydesk.domain.service.IvrCommandTimes.Bucket;
import org.utilitydesk.domain.service.IvrCommandTimes.Histogram;
import org.utilitydesk.interfaces.security.Roles;

/**
 * {@code GET /api/telephony/ivr-command-times}: how long the IVR has taken per AGI command since the
 * application started (p50, p99, p99.9, longest, and the counts per range for a tool that compares two
 * readings), for supervisors and IT watching whether callers wait on the system.
 */
@Path("telephony/ivr-command-times")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
public class IvrTimesResource {

    @Inject
    private IvrCommandTimes times;

    /** Times in milliseconds; each bucket is [from µs, to µs, commands]. */
    public record View(long commands, double p50Ms, double p99Ms, double p999Ms, double maxMs, List<long[]> buckets) {
    }

    @GET
    public View commandTimes() {
        Histogram histogram = times.commandTimes();
        return new View(histogram.commands(), millis(histogram.percentileMicros(0.5)), millis(histogram.percentileMicros(0.99)),
                millis(histogram.percentileMicros(0.999)), millis(histogram.maxMicros()),
                histogram.buckets().stream().map(IvrTimesResource::triple).toList());
    }

    private static long[] triple(Bucket bucket) {
        return new long[] {bucket.fromMicros(), bucket.toMicros(), bucket.count()};
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}
