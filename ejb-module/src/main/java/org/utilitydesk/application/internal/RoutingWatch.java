package org.utilitydesk.application.internal;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.utilitydesk.infrastructure.scheduling.RepeatingWork;

/**
 * Every {@code utilitydesk.routing.check-seconds} (60) looks for work orders still NEW
 * {@code utilitydesk.routing.resend-after-seconds} (120) after they were opened and announces again those the
 * broker has nothing for (see {@link UnroutedOrders}). Routing is idempotent, so an order announced twice is
 * routed once.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RoutingWatch extends RepeatingWork {

    @Inject
    private UnroutedOrders unrouted;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "utilitydesk.routing.check-seconds", defaultValue = "60")
    private int checkSeconds;

    @Inject
    @ConfigProperty(name = "utilitydesk.routing.resend-after-seconds", defaultValue = "120")
    private int resendAfterSeconds;

    @Override
    protected String name() {
        return "routing-watch";
    }

    @Override
    protected int intervalSeconds() {
        return checkSeconds;
    }

    @Override
    protected void round() {
        Instant openedBefore = clock.instant().minus(Duration.ofSeconds(resendAfterSeconds));
        List<Long> page;
        long after = 0;
        do {
            page = unrouted.stillNew(openedBefore, after);
            for (long id : page) {
                unrouted.reannounceIfLost(id);
                after = id;
            }
        } while (page.size() == UnroutedOrders.BATCH);
    }
}
