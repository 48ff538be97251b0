package org.utilitydesk.interfaces.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long a session lives without a request: {@code utilitydesk.session.idle-minutes} (30 by default: a desk left
 * unattended through a break is closed, so nobody walks up to a logged-in desk and its customers' data). The pages
 * warn {@link #WARNING_SECONDS} before it ends and offer to carry on ({@code resources/js/idle.js},
 * {@link SessionKeepAlive}); an agent's desk that ends signs the agent out of the ACD.
 */
@WebListener
public class IdleTimeout implements HttpSessionListener {

    /** How long before the end the pages warn. */
    public static final int WARNING_SECONDS = 120;
    private static final int SHORTEST_MINUTES = 5;

    @Inject
    @ConfigProperty(name = "utilitydesk.session.idle-minutes", defaultValue = "30")
    private int idleMinutes;

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        event.getSession().setMaxInactiveInterval(Math.max(SHORTEST_MINUTES, idleMinutes) * 60);
    }
}
