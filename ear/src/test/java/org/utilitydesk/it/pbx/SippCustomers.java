package org.utilitydesk.it.pbx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The customers' phones behind the carrier's side of the sample trunk, where Asterisk's outbound calls arrive
 * (pjsip.conf's TRUNK_CONTACT): one SIPp process answering every number, except those whose last digits say
 * how the network refuses them: 486 busy, 404 no such number, 480 out of reach, 503 congested, 180 rings until
 * cancelled (see sipp/customer.xml).
 */
public final class SippCustomers implements AutoCloseable {

    private final Process sipp;

    private SippCustomers(Pbx pbx) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "sipp", "customers")).toAbsolutePath();
        Path scenario = dir.resolve("customer.xml");
        try (InputStream in = SippCustomers.class.getResourceAsStream("/sipp/customer.xml")) {
            Files.writeString(scenario, new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)
                    .replace("PCAP_DIR", pbx.get("sipp.pcap.dir")), StandardCharsets.ISO_8859_1);
        }
        int port = pbx.port("trunk.customer.port");
        sipp = new ProcessBuilder("sipp", "-sf", scenario.toString(), "-i", "127.0.0.1", "-p", String.valueOf(port),
                "-mp", String.valueOf(pbx.port("caller.media.port") + 500), "-nostdin", "-cp", String.valueOf(port + 100),
                "-ci", "127.0.0.1", "-trace_err", "-error_file", dir.resolve("errors.log").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("customers.log").toFile()).start();
    }

    /** Starts answering calls to customers. */
    public static SippCustomers answering() throws IOException {
        return new SippCustomers(Pbx.get());
    }

    @Override
    public void close() {
        sipp.destroy();
        try {
            if (!sipp.waitFor(5, TimeUnit.SECONDS)) {
                sipp.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
