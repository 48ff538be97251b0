package org.utilitydesk.infrastructure.telephony;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.DefaultManagerConnection;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.utilitydesk.domain.service.Telephone.TelephoneUnavailableException;
import org.utilitydesk.domain.service.TelephonyStatus;

/**
 * The one connection to the Asterisk manager interface (AMI). It logs in at start-up and, whenever the
 * connection is lost or was never made, tries again with a back-off that doubles up to a ceiling; a ping
 * every few seconds notices a connection that died silently. asterisk-java's own reconnect is not used:
 * every attempt is a fresh connection made here, on the container's scheduler.
 *
 * <p>After every login it lists Asterisk's channels ({@link ChannelListing}), so calls that ended while the link
 * was down are closed rather than left open for good, and asks whether Asterisk can write to the recordings
 * folders ({@link Recordings}). What the application asks of Asterisk over it is {@link AmiTelephone}'s.
 *
 * <p>The event reader thread only puts events on a bounded queue; one managed worker thread takes them
 * off in order and turns them into call records ({@link AmiCallEvents}), so a slow database never stalls
 * the reader and the events of one call keep their order.
 */
@Singleton
@Startup
@LocalBean
@Local(TelephonyStatus.class)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AmiConnection implements TelephonyStatus {

    private static final Logger LOG = Logger.getLogger(AmiConnection.class.getName());
    private static final long FIRST_RETRY_MILLIS = 500;
    private static final int EVENT_QUEUE = 20_000;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Resource
    private ManagedThreadFactory threads;

    @Inject
    private AmiCallEvents callEvents;

    @Inject
    private Recordings recordings;

    @Inject
    @ConfigProperty(name = "utilitydesk.ami.host")
    private Optional<String> host;

    @Inject
    @ConfigProperty(name = "utilitydesk.ami.port", defaultValue = "5038")
    private int port;

    @Inject
    @ConfigProperty(name = "utilitydesk.ami.user", defaultValue = "utilitydesk")
    private String user;

    @Inject
    @ConfigProperty(name = "utilitydesk.ami.password")
    private Optional<String> password;

    /** Ceiling of the reconnect back-off. */
    @Inject
    @ConfigProperty(name = "utilitydesk.ami.max-backoff-seconds", defaultValue = "30")
    private int maxBackoffSeconds;

    @Inject
    @ConfigProperty(name = "utilitydesk.ami.ping-seconds", defaultValue = "10")
    private int pingSeconds;







    private final BlockingQueue<ManagerEvent> events = new ArrayBlockingQueue<>(EVENT_QUEUE);
    private final AtomicLong droppedEvents = new AtomicLong();
    private volatile ManagerConnection current;
    /**
     * The one connection whose events count: the one logging in or logged in. A connection that reported its
     * loss is not, even if asterisk-java logs it in again by itself (it does, within milliseconds, until it is
     * logged off): what it delivers then would be taken twice or out of turn.
     */
    private volatile ManagerConnection listening;
    private volatile boolean running;
    private volatile String lastProblem = "";
    /** The secret of the sample manager.conf, which an installation must replace. */
    static final String SAMPLE_SECRET = "change-me";
    private long backoffMillis = FIRST_RETRY_MILLIS;
    private Thread worker;

    @PostConstruct
    void start() {
        if (!configured()) {
            LOG.info("No Asterisk manager interface configured (utilitydesk.ami.host); telephony events and outbound calls are off");
            return;
        }
        if (password.isEmpty() || password.get().isBlank() || SAMPLE_SECRET.equals(password.get())) {
            // Asterisk would take it (the sample manager.conf carries it), and so would anyone who read the sample
            lastProblem = "utilitydesk.ami.password is " + (password.isPresent() && SAMPLE_SECRET.equals(password.get())
                    ? "the sample's placeholder " + SAMPLE_SECRET : "not set")
                    + ": give Asterisk's manager.conf a secret of its own and the application the same";
            LOG.severe(() -> "Not connecting to the Asterisk manager interface at " + endpoint() + ": " + lastProblem);
            return;
        }
        running = true;
        worker = threads.newThread(this::deliverEvents);
        worker.setName("utilitydesk-ami-events");
        worker.start();
        scheduler.execute(this::connect);
        scheduler.scheduleWithFixedDelay(this::ping, pingSeconds, pingSeconds, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        running = false;
        ManagerConnection connection = current;
        current = null;
        listening = null;
        if (connection != null) {
            quietlyLogOff(connection);
        }
        if (worker != null) {
            worker.interrupt();
        }
    }

    /** One attempt to connect and log in; on failure the next attempt is scheduled after the back-off. */
    private synchronized void connect() {
        if (!running || current != null) {
            return;
        }
        DefaultManagerConnection connection = new DefaultManagerConnection(host.get(), port, user, password.orElse(""));
        connection.setDefaultResponseTimeout(3_000);
        connection.setSocketTimeout(3_000);
        connection.addEventListener(event -> onEvent(connection, event));
        connection.registerUserEventClass(UtilityDeskFolderEvent.class);
        try {
            listening = connection;
            connection.login();
            current = connection;
            backoffMillis = FIRST_RETRY_MILLIS;
            lastProblem = "";
            LOG.info(() -> "Logged in to the Asterisk manager interface at " + endpoint() + " as " + user);
            scheduler.execute(() -> {
                ChannelListing.take(connection).ifPresent(this::enqueue);
                recordings.askAsterisk(connection);
            });
        } catch (AuthenticationFailedException e) {
            retryLater(connection, "login refused for user " + user + ": " + e.getMessage());
        } catch (IOException | TimeoutException | RuntimeException e) {
            // any failure, also one asterisk-java did not declare, schedules the next attempt: an exception
            // escaping this task would end the reconnecting for good, silently
            retryLater(connection, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void retryLater(ManagerConnection failed, String problem) {
        if (listening == failed) {
            listening = null;
        }
        quietlyLogOff(failed);
        long delay = backoffMillis;
        backoffMillis = Math.min(backoffMillis * 2, maxBackoffSeconds * 1000L);
        if (!problem.equals(lastProblem)) {
            LOG.warning(() -> "Cannot reach the Asterisk manager interface at " + endpoint() + " (" + problem
                    + "); trying again with a back-off of up to " + maxBackoffSeconds + " s");
        }
        lastProblem = problem;
        if (running) {
            scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        }
    }

    /** Called on asterisk-java's reader thread: never blocks. */
    private void onEvent(ManagerConnection source, ManagerEvent event) {
        if (source != listening) {
            return;
        }
        if (event instanceof DisconnectEvent) {
            listening = null;
            scheduler.execute(() -> lost(source, "the connection was closed"));
            return;
        }
        enqueue(event);
    }

    private void enqueue(ManagerEvent event) {
        if (!events.offer(event)) {
            long dropped = droppedEvents.incrementAndGet();
            if (dropped == 1 || dropped % 1000 == 0) {
                LOG.severe(() -> "AMI event queue full (" + EVENT_QUEUE + "); " + dropped + " events dropped so far");
            }
        }
    }

    /** Forgets a lost connection (stopping asterisk-java's own reconnect) and starts reconnecting. */
    private synchronized void lost(ManagerConnection connection, String why) {
        if (current != connection) {
            return;
        }
        current = null;
        if (listening == connection) {
            listening = null;
        }
        LOG.warning(() -> "Lost the Asterisk manager interface at " + endpoint() + ": " + why + "; reconnecting");
        quietlyLogOff(connection);
        backoffMillis = FIRST_RETRY_MILLIS;
        lastProblem = why;
        if (running) {
            scheduler.schedule(this::connect, backoffMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void ping() {
        ManagerConnection connection = current;
        if (connection == null) {
            return;
        }
        try {
            ManagerResponse response = connection.sendAction(new PingAction(), 3_000);
            if (response instanceof ManagerError) {
                lost(connection, "ping refused: " + response.getMessage());
            }
        } catch (IOException | TimeoutException | IllegalStateException e) {
            lost(connection, "no answer to ping (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static void quietlyLogOff(ManagerConnection connection) {
        try {
            ManagerConnectionState state = connection.getState();
            if (state == ManagerConnectionState.CONNECTED || state == ManagerConnectionState.RECONNECTING) {
                connection.logoff();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "logoff of a dead AMI connection failed", e);
        }
    }

    /** The worker: hands events to the application one at a time, in the order they arrived. */
    private void deliverEvents() {
        while (running) {
            ManagerEvent event;
            try {
                event = events.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                if (event instanceof ChannelListing listing) {
                    callEvents.channelsListed(listing.live(), listing.takenAt());
                } else {
                    callEvents.handle(event, Instant.now());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "AMI event " + event.getClass().getSimpleName() + " could not be handled", e);
            }
        }
    }

    /** Sends one action and waits for its response; any refusal or failure is a {@link TelephoneUnavailableException}. */
    public ManagerResponse send(ManagerAction action, String refused) {
        ManagerConnection connection = current;
        if (connection == null) {
            throw new TelephoneUnavailableException(configured()
                    ? "not connected to the Asterisk manager interface at " + endpoint()
                    : "no Asterisk manager interface configured");
        }
        try {
            ManagerResponse response = connection.sendAction(action, 5_000);
            if (response instanceof ManagerError) {
                throw new TelephoneUnavailableException(refused + ": " + response.getMessage());
            }
            return response;
        } catch (IOException | TimeoutException | IllegalStateException e) {
            throw new TelephoneUnavailableException("the request did not reach Asterisk: " + e.getMessage());
        }
    }

    /** Whether the connection is logged in now. */
    public boolean connected() {
        return state() == State.CONNECTED;
    }

    private boolean configured() {
        return host.filter(h -> !h.isBlank()).isPresent();
    }

    @Override
    public State state() {
        if (!configured()) {
            return State.NOT_CONFIGURED;
        }
        ManagerConnection connection = current;
        return connection != null && connection.getState() == ManagerConnectionState.CONNECTED
                ? State.CONNECTED : State.DISCONNECTED;
    }

    @Override
    public String endpoint() {
        return configured() ? host.get() + ":" + port : "";
    }

    @Override
    public String problem() {
        return lastProblem;
    }

    public long droppedEvents() {
        return droppedEvents.get();
    }
}
