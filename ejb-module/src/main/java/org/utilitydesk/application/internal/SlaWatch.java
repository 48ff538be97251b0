package org.utilitydesk.application.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Looks at the open work orders' SLA clocks every {@code utilitydesk.sla.check-seconds} (60): warns the
 * assignee at 80% and escalates to the supervisor on breach, each once per order. The timer is not
 * persistent: after a restart the next sweep catches up, and the once-only flags live on the orders.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SlaWatch {

    private static final Logger LOG = Logger.getLogger(SlaWatch.class.getName());

    @Resource
    private TimerService timers;

    @Inject
    private SlaSweep sweep;

    @Inject
    @ConfigProperty(name = "utilitydesk.sla.check-seconds", defaultValue = "60")
    private int checkSeconds;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        long every = Math.max(1, checkSeconds) * 1000L;
        timers.createIntervalTimer(every, every, new TimerConfig("sla-watch", false));
    }

    /** Stops the timer before the application goes away, so no sweep starts while it is being undeployed. */
    @PreDestroy
    void cancel() {
        for (Timer timer : timers.getTimers()) {
            try {
                timer.cancel();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "timer already gone", e);
            }
        }
    }

    @Timeout
    void check() {
        if (!running.compareAndSet(false, true)) {
            return; // the previous sweep is still going
        }
        try {
            SlaSweep.Result result = sweep.run();
            if (result.warned() + result.escalated() > 0) {
                LOG.info(() -> "SLA watch: " + result.warned() + " orders warned at 80%, " + result.escalated() + " escalated on breach");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SLA watch sweep failed; the next one tries again", e);
        } finally {
            running.set(false);
        }
    }
}
