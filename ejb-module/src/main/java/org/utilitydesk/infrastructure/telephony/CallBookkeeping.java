package org.utilitydesk.infrastructure.telephony;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.utilitydesk.application.CallHandling;

/**
 * The database work of a call that the caller need not wait for, on a few threads of its own: the call
 * record is opened while the call is answered and the welcome plays, the caller is looked up meanwhile,
 * and the record is closed after the last command rather than between it and the hang-up. A call thread
 * waits only where it needs an answer (the record's id for a work order, the caller before the menu), and
 * by then it is normally there.
 */
@ApplicationScoped
public class CallBookkeeping {

    private static final Logger LOG = Logger.getLogger(CallBookkeeping.class.getName());

    @Resource
    private ManagedThreadFactory threads;

    @Inject
    private CallHandling calls;

    @Inject
    @ConfigProperty(name = "utilitydesk.ivr.bookkeeping-threads", defaultValue = "4")
    private int poolSize;

    /** Lookups a caller is about to wait for; apart, so they never queue behind record writes. */
    private ExecutorService lookups;
    private ExecutorService records;
    /** Calls that have ended whose record is not written yet. */
    private final AtomicInteger unwritten = new AtomicInteger();

    @PostConstruct
    void start() {
        lookups = pool();
        records = pool();
    }

    private ExecutorService pool() {
        return new ThreadPoolExecutor(poolSize, poolSize, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
    }

    /** Records that the call started; completes with its record's id. */
    public CompletableFuture<Long> started(String uid, String callerNumber, String calledNumber) {
        return CompletableFuture.supplyAsync(() -> calls.callStarted(uid, callerNumber, calledNumber), records);
    }

    /** Runs a lookup the call will need shortly, such as who is calling. */
    public <T> CompletableFuture<T> ahead(Supplier<T> lookup) {
        return CompletableFuture.supplyAsync(lookup, lookups);
    }

    /** Writes how the call went once its record exists; a failure is logged, the caller is gone by then. */
    public void ended(String uid, CompletableFuture<Long> record, CallHandling.CallSummary summary) {
        unwritten.incrementAndGet();
        record.thenAcceptAsync(id -> calls.callEnded(id, summary), records).exceptionally(e -> {
            LOG.log(Level.WARNING, "call " + uid + " ended (" + summary.outcome() + ", path " + String.join(">", summary.path())
                    + ") but its record could not be written", unwrapped(e));
            return null;
        }).whenComplete((done, e) -> unwritten.decrementAndGet());
    }

    /** Waits until the records of the calls that have ended are written (at most {@code limit}); false if they are not. */
    public boolean awaitWritten(Duration limit) throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        while (unwritten.get() > 0) {
            if (System.nanoTime() > until) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** The value of a piece of bookkeeping the call thread now needs, waiting for it if it is not done. */
    public static <T> T await(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            Throwable cause = unwrapped(e);
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    private static Throwable unwrapped(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    /** Lets records of calls that just ended be written before the application stops (at most ten seconds). */
    @PreDestroy
    void stop() {
        lookups.shutdownNow();
        records.shutdown();
        try {
            if (!records.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warning(() -> "stopping with call records still being written; "
                        + records.shutdownNow().size() + " not written");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
