package org.utilitydesk.infrastructure.telephony;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import java.util.logging.Logger;

/**
 * Loads asterisk-java's manager event classes while the application is being deployed and nothing of
 * ours runs yet (CDI's first step, before any bean exists or any thread of ours is started).
 *
 * <p>asterisk-java finds those classes by scanning its own jar with org.reflections, once, in a static
 * initializer. Run while another thread loads classes through the EAR's library class loader, the two
 * deadlock inside Payara (the scan holds the jar and waits for the class loader; the other thread holds
 * the class loader and waits for the jar), and the deployment never ends. Seen first with the FastAGI
 * server's threads starting, then with the knowledge index being rebuilt in the background. Doing it
 * before any of that starts closes the whole family, not one pairing at a time.
 */
public class AsteriskJavaClasses implements Extension {

    private static final Logger LOG = Logger.getLogger(AsteriskJavaClasses.class.getName());
    private static final String SCANNING_CLASS = "org.asteriskjava.manager.internal.EventBuilderImpl";

    void load(@Observes BeforeBeanDiscovery deploying) {
        long started = System.nanoTime();
        try {
            Class.forName(SCANNING_CLASS, true, AsteriskJavaClasses.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("asterisk-java is incomplete: " + e.getMessage(), e);
        }
        LOG.info(() -> "asterisk-java's manager event classes loaded before any bean starts, in " + (System.nanoTime() - started) / 1_000_000 + " ms");
    }
}
