package org.utilitydesk.application.internal;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.utilitydesk.infrastructure.scheduling.RepeatingWork;

/**
 * Looks at the open work orders' SLA clocks every {@code utilitydesk.sla.check-seconds} (60): warns the
 * assignee at 80% and escalates to the supervisor on breach, each once per order. The timer is not
 * persistent: after a restart the next sweep catches up, and the once-only flags live on the orders.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SlaWatch extends RepeatingWork {

    private static final Logger LOG = Logger.getLogger(SlaWatch.class.getName());

    @Inject
    private SlaSweep sweep;

    @Inject
    @ConfigProperty(name = "utilitydesk.sla.check-seconds", defaultValue = "60")
    private int checkSeconds;

    @Override
    protected String name() {
        return "sla-watch";
    }

    @Override
    protected int intervalSeconds() {
        return checkSeconds;
    }

    @Override
    protected void round() {
        SlaSweep.Result result = sweep.run();
        if (result.warned() + result.escalated() > 0) {
            LOG.info(() -> "SLA watch: " + result.warned() + " orders warned at 80%, " + result.escalated() + " escalated on breach");
        }
    }
}
