package org.utilitydesk.application.internal;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.utilitydesk.application.OrderProgress;

/**
 * Wrong phone digits per order number, in this server's memory: {@link OrderProgress#MAX_MISSES} within
 * {@link OrderProgress#LOCK_MINUTES} minutes lock the number until that window ends. A restart forgets
 * them, which costs an attacker a restart per five tries. Only existing orders are counted; windows that
 * are over are dropped as the map grows.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ProgressMisses {

    private static final Duration WINDOW = Duration.ofMinutes(OrderProgress.LOCK_MINUTES);
    private static final int PRUNE_ABOVE = 10_000;

    /** The misses of one number since the window began. */
    private record Window(Instant began, int misses) {
    }

    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    public boolean locked(String orderNo, Instant now) {
        Window w = windows.get(orderNo);
        return w != null && now.isBefore(w.began().plus(WINDOW)) && w.misses() >= OrderProgress.MAX_MISSES;
    }

    public void missed(String orderNo, Instant now) {
        if (windows.size() > PRUNE_ABOVE) {
            windows.values().removeIf(w -> !now.isBefore(w.began().plus(WINDOW)));
        }
        windows.merge(orderNo, new Window(now, 1), (old, one) -> now.isBefore(old.began().plus(WINDOW))
                ? new Window(old.began(), old.misses() + 1) : one);
    }
}
