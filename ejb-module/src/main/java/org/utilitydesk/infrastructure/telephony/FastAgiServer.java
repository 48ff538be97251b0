package org.utilitydesk.infrastructure.telephony;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.util.ServerSocketFacade;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Owns the FastAGI server Asterisk connects to ({@code AGI(agi://host:4573/ivr)}). The accept loop and
 * every call's thread come from the container's managed thread factory, so scripts run with the
 * application's context (naming, transactions, CDI).
 */
@Singleton
@Startup
public class FastAgiServer {

    private static final Logger LOG = Logger.getLogger(FastAgiServer.class.getName());

    @Resource
    private ManagedThreadFactory threads;

    @Inject
    private AgiScripts scripts;

    @Inject
    private AgiCommandTimes times;

    @Inject
    private IvrWarmUp warmUp;

    @Inject
    @ConfigProperty(name = "utilitydesk.agi.port", defaultValue = "4573")
    private int port;

    /**
     * The address FastAGI listens on: loopback unless the Asterisk servers are other hosts, and then only those
     * hosts should reach it (a firewall rule): whoever connects can drive the IVR's database queries.
     */
    @Inject
    @ConfigProperty(name = "utilitydesk.agi.bind-address", defaultValue = "127.0.0.1")
    private String bindAddress;

    @Inject
    @ConfigProperty(name = "utilitydesk.agi.enabled", defaultValue = "true")
    private boolean enabled;

    @Inject
    @ConfigProperty(name = "utilitydesk.agi.max-calls", defaultValue = "800")
    private int maxCalls;

    /** A peer has this long after connecting to send its whole request (Asterisk sends it at once). */
    @Inject
    @ConfigProperty(name = "utilitydesk.agi.request-timeout-seconds", defaultValue = "5")
    private int requestTimeoutSeconds;

    /**
     * The addresses FastAGI serves (the Asterisk servers), comma separated; empty: any that reaches the bind address.
     * Sessions from others are closed as they connect.
     */
    @Inject
    @ConfigProperty(name = "utilitydesk.agi.allowed-addresses", defaultValue = " ")
    private String allowedAddresses;

    /** The most sessions one address may have open at once (one Asterisk carries every call: as many as the pool). */
    @Inject
    @ConfigProperty(name = "utilitydesk.agi.max-sessions-per-address", defaultValue = "0")
    private int maxSessionsPerAddress;

    /** The longest wait for one reply during a call: a dial to an agent answers when the conversation ends. */
    private static final int CALL_REPLY_MILLIS = 3 * 60 * 60 * 1000;

    private volatile boolean listening;
    private final Object socketLock = new Object();
    /** Set when the application stops; a server socket is not opened after that. Guarded by socketLock. */
    private boolean stopping;
    /** The listening socket once open. Guarded by socketLock. */
    private AgiSockets sockets;
    private ContainerAgiServer server;

    @PostConstruct
    void start() {
        if (!enabled) {
            LOG.info("FastAGI server turned off (utilitydesk.agi.enabled=false)");
            return;
        }
        server = new ContainerAgiServer();
        server.setPort(port);
        server.setMappingStrategy(scripts);
        server.setPoolSize(16);
        server.setMaximumPoolSize(maxCalls);
        threads.newThread(() -> {
            try {
                listening = true;
                LOG.info(() -> "FastAGI server listening on " + bindAddress + ":" + port);
                server.startup();
            } catch (IOException | IllegalStateException e) {
                boolean stopped;
                synchronized (socketLock) {
                    stopped = stopping;
                }
                LOG.log(stopped ? Level.FINE : Level.SEVERE, "FastAGI server could not listen on port " + port, e);
            } finally {
                listening = false;
            }
        }).start();
        warmUp.start(port, () -> {
            synchronized (socketLock) {
                return sockets != null && !stopping;
            }
        });
    }

    /**
     * Stops listening. The accept loop runs on its own thread and may not have opened its socket yet:
     * asterisk-java's shutdown would then miss it and the loop would go on listening after the
     * application is gone (the next deployment could not bind the port), so the socket is closed here
     * and never opened after this.
     */
    @PreDestroy
    void stop() {
        if (server == null) {
            return;
        }
        AgiSockets open;
        synchronized (socketLock) {
            stopping = true;
            open = sockets;
        }
        server.shutdown();
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "FastAGI socket already closed", e);
            }
        }
        listening = false;
    }

    private AgiSockets.Admission admission() throws IOException {
        java.util.Set<java.net.InetAddress> allowed = new java.util.HashSet<>();
        for (String name : allowedAddresses.split(",")) {
            if (!name.isBlank()) {
                allowed.addAll(java.util.List.of(java.net.InetAddress.getAllByName(name.strip())));
            }
        }
        return new AgiSockets.Admission(java.util.Set.copyOf(allowed),
                maxSessionsPerAddress > 0 ? maxSessionsPerAddress : maxCalls, AgiScripts.NAMES::contains);
    }

    public boolean isListening() {
        return listening;
    }

    public int port() {
        return port;
    }

    /** asterisk-java's server with its call pool built on the container's thread factory. */
    private final class ContainerAgiServer extends DefaultAgiServer {
        @Override
        protected ServerSocketFacade createServerSocket() throws IOException {
            synchronized (socketLock) {
                if (stopping) {
                    throw new IOException("the application is stopping");
                }
                sockets = new AgiSockets(bindAddress, port, Math.max(1, requestTimeoutSeconds) * 1000, CALL_REPLY_MILLIS, times,
                        admission());
                return sockets;
            }
        }

        @Override
        protected ThreadPoolExecutor createPool() {
            return new ThreadPoolExecutor(getPoolSize(), getMaximumPoolSize(), 60, TimeUnit.SECONDS,
                    new SynchronousQueue<>(), threads);
        }
    }
}
