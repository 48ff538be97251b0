package org.utilitydesk.infrastructure.telephony;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Owns the FastAGI server Asterisk connects to ({@code AGI(agi://host:4573/ivr)}). The accept loop and
 * every call's thread come from the container's managed thread factory, so scripts run with the
 * application's context (naming, transactions, CDI).
 */
@Singleton
@Startup
@DependsOn("AmiConnection")
public class FastAgiServer {

    private static final Logger LOG = Logger.getLogger(FastAgiServer.class.getName());

    @Resource
    private ManagedThreadFactory threads;

    @Inject
    private AgiScripts scripts;

    @Inject
    @ConfigProperty(name = "utilitydesk.agi.port", defaultValue = "4573")
    private int port;

    @Inject
    @ConfigProperty(name = "utilitydesk.agi.enabled", defaultValue = "true")
    private boolean enabled;

    @Inject
    @ConfigProperty(name = "utilitydesk.agi.max-calls", defaultValue = "800")
    private int maxCalls;

    private volatile boolean listening;
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
                LOG.info(() -> "FastAGI server listening on port " + port);
                server.startup();
            } catch (IOException | IllegalStateException e) {
                LOG.log(Level.SEVERE, "FastAGI server could not listen on port " + port, e);
            } finally {
                listening = false;
            }
        }).start();
    }

    @PreDestroy
    void stop() {
        if (server != null) {
            server.shutdown();
            listening = false;
        }
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
        protected ThreadPoolExecutor createPool() {
            return new ThreadPoolExecutor(getPoolSize(), getMaximumPoolSize(), 60, TimeUnit.SECONDS,
                    new SynchronousQueue<>(), threads);
        }
    }
}
