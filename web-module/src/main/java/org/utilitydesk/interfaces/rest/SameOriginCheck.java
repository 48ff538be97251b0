package org.utilitydesk.interfaces.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Cross-site request forgery: a call that changes something and rides on a browser's session (no
 * Authorization header of its own) must come from a page of this server. Browsers name the page's origin on
 * such requests; one naming another host (a page elsewhere making a logged-in agent's or crew member's
 * browser take an order, retry a dead letter, upload a file) is refused with 403 and logged. Programs
 * sending their own credentials, and requests without an Origin (not from a browser page), are not affected.
 * Behind a reverse proxy the proxy must pass the original Host header on.
 */
@Provider
public class SameOriginCheck implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(SameOriginCheck.class.getName());
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "DELETE", "PATCH");

    @Override
    public void filter(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (origin == null || !CHANGES.contains(request.getMethod())
                || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            return;
        }
        String host = request.getHeaderString(HttpHeaders.HOST);
        if (host == null || !host.toLowerCase(Locale.ROOT).equals(authority(origin))) {
            LOG.warning(() -> "refused " + request.getMethod() + " " + request.getUriInfo().getPath() + " on a session from "
                    + origin + " (this server is " + host + ")");
            request.abortWith(ApiError.response(request.getAcceptableLanguages(), Response.Status.FORBIDDEN, "crossSite"));
        }
    }

    /** "host:port" of an origin as the Host header writes it (no port for the scheme's default); "" if unreadable. */
    private static String authority(String origin) {
        try {
            URI uri = URI.create(origin.strip());
            if (uri.getHost() == null) {
                return "";
            }
            boolean defaultPort = uri.getPort() == -1 || ("http".equals(uri.getScheme()) && uri.getPort() == 80)
                    || ("https".equals(uri.getScheme()) && uri.getPort() == 443);
            return (uri.getHost() + (defaultPort ? "" : ":" + uri.getPort())).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
