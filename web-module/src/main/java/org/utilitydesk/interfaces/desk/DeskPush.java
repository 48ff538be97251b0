package org.utilitydesk.interfaces.desk;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.utilitydesk.application.CallRouting;

/**
 * Pushes ACD changes to the browsers over Jakarta Faces websockets: an agent's desk hears "changed" when
 * their state or call changes (the screen-pop), every wallboard when the live figures change. The pages
 * then fetch what changed; nothing polls.
 */
@ApplicationScoped
public class DeskPush implements CallRouting.Listener {

    private static final Logger LOG = Logger.getLogger(DeskPush.class.getName());
    static final String CHANGED = "changed";

    @Inject
    private CallRouting routing;

    @Inject
    @Push(channel = "desk")
    private PushContext desks;

    @Inject
    @Push(channel = "wallboard")
    private PushContext wallboards;

    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        routing.addListener(this);
        LOG.fine("desk and wallboard push registered with the ACD");
    }

    @PreDestroy
    void stop() {
        try {
            routing.removeListener(this);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "the ACD went first", e);
        }
    }

    @Override
    public void agentChanged(String username) {
        desks.send(CHANGED, username);
    }

    @Override
    public void wallboardChanged() {
        wallboards.send(CHANGED);
    }
}
