package org.utilitydesk.infrastructure.notification;

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
 * Empties the notification outbox every {@code utilitydesk.outbox.poll-seconds} (5): SMS over SMPP,
 * e-mail over SMTP, for whichever of the two is configured; rows of a channel that is not configured wait.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());
    private static final int BATCH = 200;

    @Resource
    private TimerService timers;

    @Inject
    private OutboxDelivery delivery;

    @Inject
    @ConfigProperty(name = "utilitydesk.outbox.poll-seconds", defaultValue = "5")
    private int pollSeconds;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        long every = Math.max(1, pollSeconds) * 1000L;
        timers.createIntervalTimer(every, every, new TimerConfig("outbox-sender", false));
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
    void poll() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            int sent = 0;
            for (Long id : delivery.due(BATCH)) {
                if (delivery.deliver(id)) {
                    sent++;
                }
            }
            int count = sent;
            if (count > 0) {
                LOG.fine(() -> count + " notifications delivered");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "outbox poll failed; the next one tries again", e);
        } finally {
            running.set(false);
        }
    }
}
