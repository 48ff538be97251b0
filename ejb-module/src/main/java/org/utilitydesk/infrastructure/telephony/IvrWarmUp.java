package org.utilitydesk.infrastructure.telephony;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.utilitydesk.application.CallHandling;
import org.utilitydesk.domain.model.ivr.IvrMenuRepository;

/**
 * Right after deployment the IVR calls itself, as Asterisk would, until its hot path is compiled and its
 * connections are open, so the first real callers do not wait on a cold JVM: {@code utilitydesk.ivr.warm-up-calls}
 * calls (0: none) over the FastAGI port from a customer the IVR recognises, each pressing the main menu's key
 * for the bill and hanging up at the next menu. Only a tree whose bill key leads back to a menu is walked (no
 * agent is queued, nothing recorded); the calls' records are removed afterwards, and the command times the
 * supervisors see start from there.
 */
@ApplicationScoped
public class IvrWarmUp {

    private static final Logger LOG = Logger.getLogger(IvrWarmUp.class.getName());
    /** Warm-up calls' unique ids begin with this; no channel of Asterisk's is named so. */
    static final String UID_PREFIX = "warm-up-";
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    @Resource
    private ManagedThreadFactory threads;

    @Inject
    private CallHandling calls;

    @Inject
    private IvrMenuRepository menus;

    @Inject
    private CallBookkeeping bookkeeping;

    @Inject
    private AgiCommandTimes times;

    @Inject
    @ConfigProperty(name = "utilitydesk.ivr.warm-up-calls", defaultValue = "3000")
    private int warmUpCalls;

    @Inject
    @ConfigProperty(name = "utilitydesk.ivr.warm-up-concurrency", defaultValue = "16")
    private int concurrency;

    /** Where the warm-up is: readiness is down while it runs. */
    public enum State { OFF, RUNNING, DONE, SKIPPED, FAILED }

    private volatile State state = State.OFF;
    private volatile String outcome = "";

    public State state() {
        return state;
    }

    /** What the warm-up did, or why it did not run. */
    public String outcome() {
        return outcome;
    }

    /** Starts the warm-up on a thread of its own once {@code listening} says the FastAGI port is open. */
    void start(int port, BooleanSupplier listening) {
        if (warmUpCalls <= 0) {
            outcome = "turned off (utilitydesk.ivr.warm-up-calls=0)";
            return;
        }
        state = State.RUNNING;
        threads.newThread(() -> {
            try {
                run(port, listening);
            } catch (RuntimeException e) {
                finish(State.FAILED, "failed: " + e);
                LOG.log(Level.WARNING, "the IVR's warm-up failed; the first callers may wait longer", e);
            } catch (InterruptedException e) {
                finish(State.FAILED, "interrupted");
                Thread.currentThread().interrupt();
            }
        }).start();
    }

    private void run(int port, BooleanSupplier listening) throws InterruptedException {
        for (int waited = 0; !listening.getAsBoolean(); waited += 100) {
            if (waited > 60_000) {
                finish(State.SKIPPED, "the FastAGI port did not open within 60 s");
                LOG.warning("no IVR warm-up: the FastAGI port did not open within 60 s");
                return;
            }
            Thread.sleep(100);
        }
        calls.forgetCalls(UID_PREFIX); // a warm-up cut short by a stop left its records
        Optional<Character> key = menus.current().billKeyBackToAMenu();
        Optional<String> caller = calls.warmUpCallerNumber();
        if (key.isEmpty() || caller.isEmpty()) {
            String why = key.isEmpty() ? "no main menu key leads to the bill and back to a menu"
                    : "no customer with one account and a bill to call as";
            finish(State.SKIPPED, why);
            LOG.info(() -> "no IVR warm-up: " + why);
            return;
        }
        long started = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(Math.max(1, concurrency), threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < Math.max(1, concurrency); i++) {
                running.add(callers.submit(() -> {
                    for (int n = next.getAndIncrement(); n < warmUpCalls; n = next.getAndIncrement()) {
                        try {
                            call(port, UID_PREFIX + n, caller.get(), key.get());
                        } catch (IOException e) {
                            failed.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> task : running) {
                task.get(5, TimeUnit.MINUTES);
            }
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "the IVR's warm-up did not finish", e);
        } finally {
            callers.shutdownNow();
        }
        if (!bookkeeping.awaitWritten(Duration.ofSeconds(60))) {
            LOG.warning("the warm-up calls' records were still being written after 60 s; removing those written");
        }
        int removed = calls.forgetCalls(UID_PREFIX);
        times.reset();
        long millis = (System.nanoTime() - started) / 1_000_000;
        finish(failed.get() == warmUpCalls ? State.FAILED : State.DONE, warmUpCalls + " calls (" + failed.get() + " failed) in "
                + millis + " ms, " + removed + " call records removed");
        LOG.log(state == State.DONE ? Level.INFO : Level.WARNING, () -> "IVR warm-up: " + outcome);
    }

    private void finish(State done, String what) {
        outcome = what;
        state = done;
    }

    /**
     * One call as Asterisk places it: the agi_* environment, then an answer to each command; the bill key at
     * the first menu, and a hang-up at the next one or at anything but playing and reading (it never gets there
     * on the tree checked above).
     */
    private static void call(int port, String uid, String caller, char key) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            // everything Asterisk sends: a session with less is not taken for a call (AgiRequestCheck)
            send(out, "agi_network: yes\nagi_network_script: ivr\nagi_request: agi://127.0.0.1/ivr\nagi_channel: Local/warm-up-"
                    + uid + "\nagi_language: zh\nagi_type: Local\nagi_uniqueid: " + uid + "\nagi_version: warm-up\nagi_callerid: "
                    + caller + "\nagi_calleridname: warm-up\nagi_callingpres: 0\nagi_callingani2: 0\nagi_callington: 0\n"
                    + "agi_callingtns: 0\nagi_dnid: warm-up\nagi_rdnis: unknown\nagi_context: warm-up\nagi_extension: s\n"
                    + "agi_priority: 1\nagi_enhanced: 0.0\nagi_accountcode: \nagi_threadid: 0\n\n");
            boolean menuAnswered = false;
            String command;
            while ((command = in.readLine()) != null) {
                if (command.startsWith("GET OPTION") && !menuAnswered) {
                    menuAnswered = true;
                    // GET OPTION answers with the key's character code
                    send(out, "200 result=" + (int) key + " endpos=0\n");
                } else if (command.startsWith("GET ") || command.startsWith("RECORD") || command.startsWith("EXEC")
                        && !command.startsWith("EXEC \"Playback\"")) {
                    send(out, "HANGUP\n");
                    return;
                } else {
                    send(out, command.startsWith("HANGUP") || command.startsWith("SET") ? "200 result=1\n" : "200 result=0\n");
                }
            }
        }
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
