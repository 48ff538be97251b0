package org.utilitydesk.infrastructure.scheduling;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A {@code @Singleton @Startup} bean (bean-managed concurrency) that does its work on a non-persistent
 * interval timer: a round never starts while the previous one is still going, a failed round is logged
 * and the next one tries again, and the timer is cancelled before the application goes away so no round
 * starts during undeployment.
 */
public abstract class RepeatingWork {

    private final Logger log = Logger.getLogger(getClass().getName());
    private final AtomicBoolean running = new AtomicBoolean();

    @Resource
    private TimerService timers;

    /** The timer's name, also used in log lines. */
    protected abstract String name();

    /** Seconds between rounds (at least 1). */
    protected abstract int intervalSeconds();

    /** One round of the work. */
    protected abstract void round();

    @PostConstruct
    void schedule() {
        long every = Math.max(1, intervalSeconds()) * 1000L;
        timers.createIntervalTimer(every, every, new TimerConfig(name(), false));
    }

    @PreDestroy
    void cancel() {
        for (Timer timer : timers.getTimers()) {
            try {
                timer.cancel();
            } catch (RuntimeException e) {
                log.log(Level.FINE, "timer already gone", e);
            }
        }
    }

    @Timeout
    void fire() {
        if (!running.compareAndSet(false, true)) {
            return; // the previous round is still going
        }
        try {
            round();
        } catch (RuntimeException e) {
            log.log(Level.WARNING, name() + " failed; the next round tries again", e);
        } finally {
            running.set(false);
        }
    }
}
