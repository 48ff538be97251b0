package org.utilitydesk.interfaces.desk;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.logging.Logger;
import org.utilitydesk.application.CallRouting;
import org.utilitydesk.domain.model.acd.AgentStateException;

/**
 * Signs an agent out of the ACD when the desk's session ends (they logged out, or closed the browser and
 * the session timed out), so routing stops offering calls to a desk nobody is at. An agent still on a
 * call stays signed in until the call is over and the next session ends.
 */
@WebListener
public class AgentSessions implements HttpSessionListener {

    private static final Logger LOG = Logger.getLogger(AgentSessions.class.getName());
    /** The session attribute holding the agent signed in to the ACD from this session. */
    static final String AGENT = "utilitydesk.acd.agent";

    @Inject
    private CallRouting routing;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        Object agent = event.getSession().getAttribute(AGENT);
        if (agent instanceof String username) {
            try {
                routing.logout(username);
            } catch (AgentStateException onCall) {
                LOG.info(() -> "session of agent " + username + " ended during a call; they stay signed in to the ACD");
            }
        }
    }
}
