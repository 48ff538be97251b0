package org.utilitydesk.interfaces.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address a request came from, as the login throttle counts it. Behind a reverse proxy every request comes
 * from the proxy; only when the proxy is named in {@code utilitydesk.security.trusted-proxies} (addresses, comma
 * separated) is the address it adds to {@code X-Forwarded-For} believed: anyone else could write any address there.
 */
@ApplicationScoped
public class ClientAddresses {

    @Inject
    @ConfigProperty(name = "utilitydesk.security.trusted-proxies", defaultValue = " ")
    private String trustedProxies;

    private Set<String> proxies;

    @PostConstruct
    void init() {
        proxies = Arrays.stream(trustedProxies.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public String address(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !proxies.contains(peer)) {
            return peer;
        }
        // the proxy appends the address it saw; what comes before it was written by the client
        List<String> hops = Arrays.stream(forwarded.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        String last = hops.isEmpty() ? peer : hops.get(hops.size() - 1);
        return last.length() > 45 || !last.matches("[0-9A-Fa-f:.]+") ? peer : last;
    }
}
