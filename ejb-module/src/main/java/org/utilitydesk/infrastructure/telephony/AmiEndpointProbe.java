package org.utilitydesk.infrastructure.telephony;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.utilitydesk.domain.service.TelephonyStatus;

/**
 * Tells whether the configured Asterisk manager interface is there: it connects and reads the AMI
 * greeting ("Asterisk Call Manager/…") without logging in. The AMI connection bean of the telephony
 * adapter replaces this with the state of its own logged-in session.
 */
@ApplicationScoped
public class AmiEndpointProbe implements TelephonyStatus {

    private static final int TIMEOUT_MILLIS = 2_000;

    @Inject
    @ConfigProperty(name = "utilitydesk.ami.host")
    private Optional<String> host;

    @Inject
    @ConfigProperty(name = "utilitydesk.ami.port", defaultValue = "5038")
    private int port;

    @Override
    public State state() {
        if (host.filter(h -> !h.isBlank()).isEmpty()) {
            return State.NOT_CONFIGURED;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host.get(), port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String greeting = in.readLine();
            return greeting != null && greeting.startsWith("Asterisk Call Manager") ? State.CONNECTED : State.DISCONNECTED;
        } catch (IOException e) {
            return State.DISCONNECTED;
        }
    }

    @Override
    public String endpoint() {
        return host.filter(h -> !h.isBlank()).map(h -> h + ":" + port).orElse("");
    }
}
