package org.utilitydesk.it.pbx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * An agent's desk phone on the sample pjsip.conf's extension (8001, 8002): SIPp registers it with the extension's
 * password (digest authentication, as a real phone does), then answers every call Asterisk rings it with after
 * ringing a while, talks (a recorded voice) and stays up until Asterisk hangs the call up. Closing it unregisters
 * the extension, so Asterisk reports the phone offline again.
 */
public final class SippPhone implements AutoCloseable {

    private final Pbx pbx;
    private final String extension;
    private final int port;
    private final Path dir;
    private Process phone;

    private SippPhone(Pbx pbx, String extension, Duration ring) throws IOException {
        this.pbx = pbx;
        this.extension = extension;
        int index = Integer.parseInt(extension) - 8001;
        if (index < 0 || index > 1) {
            throw new IllegalArgumentException("the sample pjsip.conf has phones 8001 and 8002, not " + extension);
        }
        port = pbx.port("agent.phone.port") + index;
        dir = Files.createDirectories(Path.of("target", "sipp", "phone-" + extension)).toAbsolutePath();
        register(3600);
        phone = new ProcessBuilder("sipp", "-sf", scenario("agent-phone.xml").toString(), "-i", "127.0.0.1",
                "-p", String.valueOf(port), "-mp", String.valueOf(pbx.port("caller.media.port") + 400 + 4 * index),
                "-d", String.valueOf(ring.toMillis()), "-nostdin", "-cp", String.valueOf(port + 100), "-ci", "127.0.0.1",
                "-trace_err", "-error_file", dir.resolve("errors.log").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("phone.log").toFile()).start();
    }

    /** Registers the extension's phone, which answers after ringing for {@code ring}. */
    public static SippPhone register(String extension, Duration ring) throws IOException {
        return new SippPhone(Pbx.get(), extension, ring);
    }

    public String extension() {
        return extension;
    }

    private Path scenario(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = SippPhone.class.getResourceAsStream("/sipp/" + name)) {
            Files.writeString(file, new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)
                    .replace("PCAP_DIR", pbx.get("sipp.pcap.dir")), StandardCharsets.ISO_8859_1);
        }
        return file;
    }

    /** One REGISTER with digest authentication, from the phone's port; expires 0 removes the registration. */
    private void register(int expires) throws IOException {
        Process register = new ProcessBuilder("sipp", "-sf", scenario("register.xml").toString(), "127.0.0.1:" + pbx.sipPort(),
                "-i", "127.0.0.1", "-p", String.valueOf(port), "-m", "1", "-nostdin", "-au", extension, "-ap", pbx.get("agent.secret"),
                "-set", "ext", extension, "-set", "expires", String.valueOf(expires), "-cp", String.valueOf(port + 100),
                "-ci", "127.0.0.1", "-trace_err", "-error_file", dir.resolve("register-errors.log").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("register.log").toFile()).start();
        try {
            if (!register.waitFor(15, TimeUnit.SECONDS)) {
                register.destroyForcibly();
                throw new IOException("phone " + extension + " did not register within 15 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (register.exitValue() != 0) {
            throw new IOException("phone " + extension + " could not register (SIPp exit " + register.exitValue() + "): "
                    + Files.readString(dir.resolve("register.log"), StandardCharsets.ISO_8859_1));
        }
    }

    /** Stops answering and unregisters. */
    @Override
    public void close() throws IOException {
        phone.destroy();
        try {
            if (!phone.waitFor(5, TimeUnit.SECONDS)) {
                phone.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        register(0);
    }
}
